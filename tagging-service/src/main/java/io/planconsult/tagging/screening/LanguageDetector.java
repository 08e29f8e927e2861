package io.planconsult.tagging.screening;

import io.planconsult.tagging.text.TextNormalizer;
import java.util.Set;

/**
 * Tells Chinese from English and from pinyin by counting scripts: Han characters against Latin words.
 * A Chinese text with a few Latin abbreviations stays Chinese; an English text that names 萧山 or 西湖
 * stays English. Pinyin is told from English by its syllables, since both use the same letters.
 */
public final class LanguageDetector {

    /** A Latin text needs this many letters before it is called anything. */
    private static final int MIN_LATIN_LETTERS = 8;
    /** Share of pinyin-only words above which a Latin text is pinyin rather than English. */
    private static final double PINYIN_SHARE = 0.8;

    private final PinyinSyllables syllables;

    public LanguageDetector(PinyinSyllables syllables) {
        this.syllables = syllables;
    }

    public static LanguageDetector loadDefault() {
        return new LanguageDetector(PinyinSyllables.standard());
    }

    public Language detect(String text) {
        int han = 0;
        int latinLetters = 0;
        int latinWords = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (isHan(c)) {
                han++;
                i++;
            } else if (isLatin(c)) {
                int start = i;
                while (i < n && isLatin(text.charAt(i))) {
                    i++;
                }
                latinLetters += i - start;
                latinWords++;
            } else {
                i++;
            }
        }
        if (latinLetters < MIN_LATIN_LETTERS && han == 0) {
            return Language.UNKNOWN;
        }
        // Each Han character is about one word's worth of meaning; a Latin word about one too.
        if (han * 2 >= latinWords || latinLetters < MIN_LATIN_LETTERS) {
            return han == 0 ? Language.UNKNOWN : Language.CHINESE;
        }
        // Only a text the Latin words carry needs them read as syllables (most texts are Chinese).
        return pinyinWords(text) >= PINYIN_SHARE * latinWords ? Language.PINYIN : Language.ENGLISH;
    }

    private int pinyinWords(String text) {
        int pinyinWords = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!isLatin(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isLatin(text.charAt(i))) {
                i++;
            }
            String word = text.substring(start, i).toLowerCase(java.util.Locale.ROOT);
            if (syllables.isPinyin(word) && !COMMON_ENGLISH.contains(word)) {
                pinyinWords++;
            }
        }
        return pinyinWords;
    }

    /**
     * Han script, as {@link Character.UnicodeScript#of} says, without its binary search for the common cases: no Han
     * character lies below U+2E80 (CJK radicals), and the unified ideographs U+4E00–U+9FFF are all Han.
     */
    static boolean isHan(char c) {
        if (c < '\u2E80') {
            return false;
        }
        return TextNormalizer.isCjk(c) || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '\uFF21' && c <= '\uFF3A')
                || (c >= '\uFF41' && c <= '\uFF5A');
    }

    /** Short English words that happen to spell a pinyin syllable. */
    private static final Set<String> COMMON_ENGLISH = Set.of(
            "a", "an", "and", "as", "he", "me", "we", "she", "in", "on", "long", "men", "bin", "pen", "ten",
            "hen", "den", "fan", "man", "can", "tan", "ran", "pan", "ban", "dan", "sun", "run", "gun", "nun",
            "bus", "hang", "sang", "bang", "gang", "song", "tong", "ping", "ding", "ring", "sing", "king",
            "wing", "lane", "shop", "zone", "chen", "lie", "die", "tie", "pie", "o", "ha", "ah", "e", "no",
            "so", "go", "to", "do", "ma", "pa", "la", "shi", "you", "our", "out", "but", "cute", "guide",
            "mine", "line", "fine", "wine", "dine", "pine", "nine", "sue", "gen", "hole", "mole");
}
