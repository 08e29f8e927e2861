package io.planconsult.tagging.pii;

import io.planconsult.tagging.text.AhoCorasick;
import io.planconsult.tagging.text.TextNormalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal names, taken only where the text introduces a person: after a trigger or role word
 * (联系人、我叫、本人、业主…), before a honorific (王先生), or right next to contact data
 * ("黄海涛 15168423097", "…单元，何建国。"). A surname list alone would flag half the dictionary.
 */
final class NameDetector {

    private static final Pattern ENGLISH_NAME = Pattern.compile("\\b[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}\\b");
    private static final Pattern ENGLISH_INTRO = Pattern.compile(
            "(?i)(?:my name is|name:|contact:|contact person:|i am|i'm)\\s*$");
    private static final String SEPARATORS = "，,、 ：:（(";
    private static final byte INTRODUCER = 0;
    private static final byte HONORIFIC = 1;
    private static final byte CONTACT = 2;

    private final BitSet singleSurnames = new BitSet(Character.MAX_VALUE + 1);
    private final BitSet compoundStarts = new BitSet(Character.MAX_VALUE + 1);
    private final List<String> compoundSurnames = new ArrayList<>();
    private final List<String> honorifics;
    private final Set<String> notNames;
    private final String stopEndings;
    /** Introducers, honorifics and contact keywords in one automaton: one pass marks every cue. */
    private final AhoCorasick cueFinder;
    private final byte[] cueKind;
    private final int[] honorificRank;

    NameDetector(PiiRules rules) {
        for (String s : rules.surnames()) {
            if (s.length() == 1) {
                singleSurnames.set(s.charAt(0));
            } else if (!s.isEmpty()) {
                compoundSurnames.add(s);
                compoundStarts.set(s.charAt(0));
            }
        }
        this.honorifics = List.copyOf(rules.honorifics());
        this.notNames = Set.copyOf(rules.notNames());
        this.stopEndings = rules.nameStopEndings();
        List<String> cues = new ArrayList<>();
        List<Byte> kinds = new ArrayList<>();
        List<Integer> ranks = new ArrayList<>();
        List<String> intro = new ArrayList<>(rules.nameTriggers());
        intro.addAll(rules.roleWords());
        addCues(cues, kinds, ranks, intro, INTRODUCER);
        addCues(cues, kinds, ranks, rules.honorifics(), HONORIFIC);
        addCues(cues, kinds, ranks, rules.contactKeywords(), CONTACT);
        this.cueFinder = new AhoCorasick(cues);
        this.cueKind = new byte[kinds.size()];
        this.honorificRank = new int[ranks.size()];
        for (int i = 0; i < cueKind.length; i++) {
            cueKind[i] = kinds.get(i);
            honorificRank[i] = ranks.get(i);
        }
    }

    private static void addCues(List<String> cues, List<Byte> kinds, List<Integer> ranks, List<String> words,
            byte kind) {
        for (int i = 0; i < words.size(); i++) {
            cues.add(words.get(i));
            kinds.add(kind);
            ranks.add(i);
        }
    }

    /**
     * Where cues sit in one text: introducer ends, honorific starts (earliest listed wins), contact starts. The
     * tables are made at the first cue: most texts have none, and four tables per text cost more than the scan.
     */
    private static final class Cues {
        private final int length;
        private boolean[] introducerEnds;
        private String[] honorificAt;
        private int[] bestRank;
        private boolean[] contactStarts;

        Cues(int length) {
            this.length = length;
        }

        boolean any() {
            return introducerEnds != null;
        }

        void mark(byte kind, int start, int end, int rank, List<String> honorifics) {
            if (introducerEnds == null) {
                introducerEnds = new boolean[length + 1];
                honorificAt = new String[length + 1];
                bestRank = new int[length + 1];
                contactStarts = new boolean[length + 1];
            }
            switch (kind) {
                case INTRODUCER -> introducerEnds[end] = true;
                case CONTACT -> contactStarts[start] = true;
                default -> {
                    if (bestRank[start] == 0 || rank < bestRank[start]) {
                        bestRank[start] = rank;
                        honorificAt[start] = honorifics.get(rank - 1);
                    }
                }
            }
        }

        boolean introducerEndsAt(int p) {
            return introducerEnds != null && introducerEnds[p];
        }

        String honorificAt(int p) {
            return honorificAt == null ? null : honorificAt[p];
        }

        boolean contactStartsAt(int p) {
            return contactStarts != null && contactStarts[p];
        }
    }

    private Cues cues(String folded, List<String> honorifics) {
        Cues cues = new Cues(folded.length());
        cueFinder.scan(folded, (cue, start, end) -> cues.mark(cueKind[cue], start, end, honorificRank[cue] + 1,
                honorifics));
        return cues;
    }

    /** @param anchors contact data and addresses already found; a name beside them is a person's */
    List<PiiSpan> find(String original, String folded, List<PiiSpan> anchors) {
        List<PiiSpan> names = new ArrayList<>();
        Cues cues = cues(folded, honorifics);
        // A Chinese name needs a cue or an anchor (see nameEnd); most texts have neither, and then
        // no surname position need be tried.
        int n = cues.any() || !anchors.isEmpty() ? folded.length() : 0;
        int i = 0;
        while (i < n) {
            int surname = surnameLength(folded, i);
            int end = surname == 0 ? -1 : nameEnd(folded, i, surname, anchors, cues);
            if (end > 0) {
                names.add(new PiiSpan(PiiDetector.NAME, i, end));
                i = end;
            } else {
                i++;
            }
        }
        if (mayHoldEnglishName(original)) {
            findEnglish(original, folded, anchors, cues, names);
        }
        return names;
    }

    private int nameEnd(String text, int start, int surname, List<PiiSpan> anchors, Cues cues) {
        String honorific = cues.honorificAt(start + surname);
        if (honorific != null) {
            return start + surname + honorific.length();
        }
        boolean introduced = introducedBefore(text, start, cues) || followsAnchor(text, start, anchors);
        for (int given = 2; given >= 1; given--) {
            int end = start + surname + given;
            if (end > text.length() || !allHan(text, start + surname, end) || !boundaryAt(text, end, cues)) {
                continue;
            }
            if (notNames.contains(text.substring(start, end))) {
                return -1;
            }
            // "韩国人", "村里": a Han run ending in these is a word, not a given name.
            if (stopEndings.indexOf(text.charAt(end - 1)) >= 0) {
                continue;
            }
            if (introduced || anchoredAfter(text, end, anchors, cues)) {
                return end;
            }
        }
        return -1;
    }

    private int surnameLength(String text, int i) {
        char c = text.charAt(i);
        if (compoundStarts.get(c)) {
            for (String compound : compoundSurnames) {
                if (text.startsWith(compound, i)) {
                    return compound.length();
                }
            }
        }
        return singleSurnames.get(c) ? 1 : 0;
    }

    private static boolean introducedBefore(String text, int start, Cues cues) {
        int p = start;
        while (p > 0 && (text.charAt(p - 1) == '：' || text.charAt(p - 1) == ':' || text.charAt(p - 1) == ' ')) {
            p--;
        }
        return cues.introducerEndsAt(p);
    }

    private static boolean followsAnchor(String text, int start, List<PiiSpan> anchors) {
        int p = start;
        while (p > 0 && SEPARATORS.indexOf(text.charAt(p - 1)) >= 0) {
            p--;
        }
        if (p == start) {
            return false;
        }
        for (PiiSpan a : anchors) {
            if (a.end() == p) {
                return true;
            }
        }
        return false;
    }

    private static boolean anchoredAfter(String text, int end, List<PiiSpan> anchors, Cues cues) {
        int p = end;
        while (p < text.length() && p - end < 3 && SEPARATORS.indexOf(text.charAt(p)) >= 0) {
            p++;
        }
        for (PiiSpan a : anchors) {
            if (a.start() == p) {
                return true;
            }
        }
        return p <= text.length() && cues.contactStartsAt(p);
    }

    /** A name ends where the Han run ends or where contact wording starts ("王建华电话…"). */
    private static boolean boundaryAt(String text, int end, Cues cues) {
        return end >= text.length() || !TextNormalizer.isCjk(text.charAt(end)) || cues.contactStartsAt(end);
    }

    private static boolean allHan(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!TextNormalizer.isCjk(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** The English-name regex scans the whole text; most suggestions have no capitalised word at all. */
    private static boolean mayHoldEnglishName(String text) {
        for (int i = 0; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            char d = text.charAt(i + 1);
            if (c >= 'A' && c <= 'Z' && d >= 'a' && d <= 'z') {
                return true;
            }
        }
        return false;
    }

    private static void findEnglish(String original, String folded, List<PiiSpan> anchors, Cues cues,
            List<PiiSpan> names) {
        Matcher m = ENGLISH_NAME.matcher(original);
        while (m.find()) {
            String before = original.substring(Math.max(0, m.start() - 20), m.start());
            if (ENGLISH_INTRO.matcher(before).find() || anchoredAfter(folded, m.end(), anchors, cues)) {
                names.add(new PiiSpan(PiiDetector.NAME, m.start(), m.end()));
            }
        }
    }
}
