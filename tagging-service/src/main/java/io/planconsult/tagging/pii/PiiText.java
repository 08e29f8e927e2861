package io.planconsult.tagging.pii;

import io.planconsult.tagging.text.TextNormalizer;

/**
 * The text the detectors search: full-width folded and lower-cased ({@link TextNormalizer#fold}), and
 * digits written as Chinese numerals (一三八五七…) turned into ASCII digits where seven or more run
 * together, so the phone and ID patterns see them. Each char maps to exactly one char, so offsets
 * found in this text are offsets into what the citizen typed.
 */
final class PiiText {

    /** Fewer Chinese numerals in a row are words or dates (一二三, 二〇二五年), not a number read out. */
    static final int MIN_NUMERAL_RUN = 7;

    private PiiText() {
    }

    static String fold(String original) {
        return foldNumerals(TextNormalizer.fold(original));
    }

    /** The numeral step alone, on text {@link TextNormalizer#fold} has folded already. */
    static String foldNumerals(String folded) {
        char[] chars = null;
        int i = 0;
        while (i < folded.length()) {
            if (numeralDigit(folded.charAt(i)) < 0) {
                i++;
                continue;
            }
            int end = runEnd(folded, i);
            if (digitsIn(folded, i, end) >= MIN_NUMERAL_RUN) {
                if (chars == null) {
                    chars = folded.toCharArray();
                }
                for (int k = i; k < end; k++) {
                    int d = numeralDigit(chars[k]);
                    if (d >= 0) {
                        chars[k] = (char) ('0' + d);
                    }
                }
            }
            i = end;
        }
        return chars == null ? folded : new String(chars);
    }

    /** A run of numerals (or ASCII digits), where one space or dash may sit between two of them. */
    private static int runEnd(String s, int start) {
        int i = start;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isDigitLike(c)) {
                i++;
            } else if ((c == ' ' || c == '-') && i + 1 < s.length() && isDigitLike(s.charAt(i + 1))) {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    private static int digitsIn(String s, int start, int end) {
        int n = 0;
        for (int i = start; i < end; i++) {
            if (isDigitLike(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static boolean isDigitLike(char c) {
        return (c >= '0' && c <= '9') || numeralDigit(c) >= 0;
    }

    /** 0-9 for a Chinese numeral digit (幺 is "one" read out in phone numbers; ○ is a common zero), else -1. */
    static int numeralDigit(char c) {
        return switch (c) {
            case '〇', '零', '○' -> 0;
            case '一', '幺' -> 1;
            case '二' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }
}
