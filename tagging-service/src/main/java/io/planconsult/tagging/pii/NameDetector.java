package io.planconsult.tagging.pii;

import io.planconsult.tagging.pipeline.PiiSpan;
import io.planconsult.tagging.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
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

    private final Set<String> singleSurnames = new HashSet<>();
    private final List<String> compoundSurnames = new ArrayList<>();
    private final List<String> introducers;
    private final List<String> honorifics;
    private final List<String> contactKeywords;
    private final Set<String> notNames;
    private final String stopEndings;

    NameDetector(PiiRules rules) {
        for (String s : rules.surnames()) {
            if (s.length() == 1) {
                singleSurnames.add(s);
            } else {
                compoundSurnames.add(s);
            }
        }
        List<String> intro = new ArrayList<>(rules.nameTriggers());
        intro.addAll(rules.roleWords());
        intro.sort(Comparator.comparingInt(String::length).reversed());
        this.introducers = List.copyOf(intro);
        this.honorifics = List.copyOf(rules.honorifics());
        this.contactKeywords = rules.contactKeywords().stream()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.notNames = Set.copyOf(rules.notNames());
        this.stopEndings = rules.nameStopEndings();
    }

    /** @param anchors contact data and addresses already found; a name beside them is a person's */
    List<PiiSpan> find(String original, String folded, List<PiiSpan> anchors) {
        List<PiiSpan> names = new ArrayList<>();
        int n = folded.length();
        int i = 0;
        while (i < n) {
            int surname = surnameLength(folded, i);
            int end = surname == 0 ? -1 : nameEnd(folded, i, surname, anchors);
            if (end > 0) {
                names.add(new PiiSpan(PiiDetector.NAME, i, end));
                i = end;
            } else {
                i++;
            }
        }
        findEnglish(original, anchors, names);
        return names;
    }

    private int nameEnd(String text, int start, int surname, List<PiiSpan> anchors) {
        for (String h : honorifics) {
            if (text.startsWith(h, start + surname)) {
                return start + surname + h.length();
            }
        }
        boolean introduced = introducedBefore(text, start) || followsAnchor(text, start, anchors);
        for (int given = 2; given >= 1; given--) {
            int end = start + surname + given;
            if (end > text.length() || !allHan(text, start + surname, end) || !boundaryAt(text, end)) {
                continue;
            }
            if (notNames.contains(text.substring(start, end))) {
                return -1;
            }
            // "韩国人", "村里": a Han run ending in these is a word, not a given name.
            if (stopEndings.indexOf(text.charAt(end - 1)) >= 0) {
                continue;
            }
            if (introduced || anchoredAfter(text, end, anchors)) {
                return end;
            }
        }
        return -1;
    }

    private int surnameLength(String text, int i) {
        for (String compound : compoundSurnames) {
            if (text.startsWith(compound, i)) {
                return compound.length();
            }
        }
        return singleSurnames.contains(String.valueOf(text.charAt(i))) ? 1 : 0;
    }

    private boolean introducedBefore(String text, int start) {
        int p = start;
        while (p > 0 && (text.charAt(p - 1) == '：' || text.charAt(p - 1) == ':' || text.charAt(p - 1) == ' ')) {
            p--;
        }
        for (String intro : introducers) {
            if (p >= intro.length() && text.startsWith(intro, p - intro.length())) {
                return true;
            }
        }
        return false;
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

    private boolean anchoredAfter(String text, int end, List<PiiSpan> anchors) {
        int p = end;
        while (p < text.length() && p - end < 3 && SEPARATORS.indexOf(text.charAt(p)) >= 0) {
            p++;
        }
        for (PiiSpan a : anchors) {
            if (a.start() == p) {
                return true;
            }
        }
        for (String kw : contactKeywords) {
            if (text.startsWith(kw, p)) {
                return true;
            }
        }
        return false;
    }

    /** A name ends where the Han run ends or where contact wording starts ("王建华电话…"). */
    private boolean boundaryAt(String text, int end) {
        if (end >= text.length() || !TextNormalizer.isCjk(text.charAt(end))) {
            return true;
        }
        for (String kw : contactKeywords) {
            if (text.startsWith(kw, end)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allHan(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!TextNormalizer.isCjk(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private void findEnglish(String original, List<PiiSpan> anchors, List<PiiSpan> names) {
        Matcher m = ENGLISH_NAME.matcher(original);
        String folded = TextNormalizer.fold(original);
        while (m.find()) {
            String before = original.substring(Math.max(0, m.start() - 20), m.start());
            if (ENGLISH_INTRO.matcher(before).find() || anchoredAfter(folded, m.end(), anchors)) {
                names.add(new PiiSpan(PiiDetector.NAME, m.start(), m.end()));
            }
        }
    }
}
