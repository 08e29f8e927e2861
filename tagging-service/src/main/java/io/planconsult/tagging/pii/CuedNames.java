package io.planconsult.tagging.pii;

import io.planconsult.tagging.text.AhoCorasick;
import io.planconsult.tagging.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Names right after a self-introduction or signature cue ({@code 我叫…}, {@code 反映人：…}, {@code 联系人…}),
 * whether or not they start with a listed surname, and however the sentence goes on
 * ({@code 我叫王小明今年三十岁}). Recall first: after such a cue, two to four Han characters standing
 * alone are taken as a name; in a longer run, a listed surname and two more characters are.
 * {@link NameDetector} finds the rest (names beside contact data, before 先生/女士).
 */
final class CuedNames {

    private static final int MIN_NAME = 2;
    private static final int MAX_NAME = 4;
    private static final int GIVEN = 2;

    private final AhoCorasick cues;
    /** Cues after which only the surname rule applies: 本人同意 is not a name, 本人王志军是 is. */
    private final int surnameOnlyFrom;
    private final Set<String> singleSurnames;
    private final List<String> compoundSurnames;
    private final List<String> contactKeywords;
    private final Set<String> notNames;

    CuedNames(PiiRules rules) {
        List<String> all = new ArrayList<>(rules.strongNameCues());
        this.surnameOnlyFrom = all.size();
        all.addAll(rules.surnameNameCues());
        this.cues = new AhoCorasick(all);
        this.singleSurnames = Set.copyOf(rules.surnames().stream().filter(s -> s.length() == 1).toList());
        this.compoundSurnames = rules.surnames().stream().filter(s -> s.length() > 1).toList();
        this.contactKeywords = rules.contactKeywords();
        this.notNames = Set.copyOf(rules.notNames());
    }

    List<PiiSpan> find(String folded) {
        List<PiiSpan> names = new ArrayList<>();
        cues.scan(folded, (cue, start, end) -> {
            int from = skipFiller(folded, end);
            int to = hanRunEnd(folded, from);
            int length = to - from;
            int surname = surnameLength(folded, from);
            if (cue < surnameOnlyFrom && length >= MIN_NAME && length <= MAX_NAME
                    && !notNames.contains(folded.substring(from, to))) {
                names.add(new PiiSpan(PiiDetector.NAME, from, to));
            } else if (surname > 0 && length >= surname + GIVEN
                    && !notNames.contains(folded.substring(from, from + surname + 1))) {
                names.add(new PiiSpan(PiiDetector.NAME, from, from + surname + GIVEN));
            }
        });
        return names;
    }

    /** {@code 反映人：}, {@code 联系人是 }, {@code 我叫 }: colons, spaces and one 是/为 before the name. */
    private static int skipFiller(String s, int i) {
        i = skipColonsAndSpaces(s, i);
        if (i < s.length() && (s.charAt(i) == '是' || s.charAt(i) == '为')) {
            i = skipColonsAndSpaces(s, i + 1);
        }
        return i;
    }

    private static int skipColonsAndSpaces(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ':' || s.charAt(i) == '：' || s.charAt(i) == ' ')) {
            i++;
        }
        return i;
    }

    /** The Han run a name may fill; it ends where contact wording starts ({@code 王建华电话…}). */
    private int hanRunEnd(String s, int from) {
        int i = from;
        while (i < s.length() && TextNormalizer.isCjk(s.charAt(i)) && !contactWordAt(s, i)) {
            i++;
        }
        return i;
    }

    private boolean contactWordAt(String s, int i) {
        for (String k : contactKeywords) {
            if (s.startsWith(k, i)) {
                return true;
            }
        }
        return false;
    }

    private int surnameLength(String s, int i) {
        for (String compound : compoundSurnames) {
            if (s.startsWith(compound, i)) {
                return compound.length();
            }
        }
        return i < s.length() && singleSurnames.contains(s.substring(i, i + 1)) ? 1 : 0;
    }
}
