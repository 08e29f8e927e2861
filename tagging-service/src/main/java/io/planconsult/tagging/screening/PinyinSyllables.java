package io.planconsult.tagging.screening;

import java.util.HashSet;
import java.util.Set;

/**
 * The syllables of Hanyu Pinyin without tones, and a test of whether a word is a run of them
 * ("hangzhou" = hang + zhou). Built from initials and finals, so no list of words is needed.
 */
public final class PinyinSyllables {

    private static final String[] INITIALS = {"", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x",
        "zh", "ch", "sh", "r", "z", "c", "s", "y", "w"};
    private static final String[] FINALS = {"a", "o", "e", "i", "u", "v", "ai", "ei", "ao", "ou", "an", "en", "ang",
        "eng", "ong", "er", "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong", "ua", "uo", "uai", "ui", "uan",
        "un", "uang", "ue", "ve", "van", "vn"};
    private static final int LONGEST = 6;

    private final Set<String> syllables;

    private PinyinSyllables(Set<String> syllables) {
        this.syllables = syllables;
    }

    public static PinyinSyllables standard() {
        Set<String> all = new HashSet<>();
        for (String initial : INITIALS) {
            for (String fin : FINALS) {
                all.add(initial + fin);
            }
        }
        return new PinyinSyllables(Set.copyOf(all));
    }

    /** True when the lower-case word splits wholly into syllables. */
    public boolean isPinyin(String word) {
        if (word.isEmpty()) {
            return false;
        }
        boolean[] reach = new boolean[word.length() + 1];
        reach[0] = true;
        for (int i = 0; i < word.length(); i++) {
            if (!reach[i]) {
                continue;
            }
            for (int len = 1; len <= LONGEST && i + len <= word.length(); len++) {
                if (syllables.contains(word.substring(i, i + len))) {
                    reach[i + len] = true;
                }
            }
        }
        return reach[word.length()];
    }
}
