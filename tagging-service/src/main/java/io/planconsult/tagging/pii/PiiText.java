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

    /** Words a door number stands before, and words it follows (longest first where one starts another). */
    private static final String[] DOOR_WORDS_AFTER_NUMBER = {"号楼", "号房", "幢", "栋", "座", "楼", "单元", "门", "室", "户", "号"};
    private static final String[] DOOR_WORDS_BEFORE_NUMBER = {"号楼", "幢", "栋", "座", "单元"};
    /** 一千二百零三 is the longest door number read as a number. */
    static final int MAX_DOOR_NUMERAL_RUN = 6;

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

    /**
     * For the address and door detectors only: Chinese numerals standing before a door word (三号楼, 十二栋, 二单元,
     * 五〇一室) or right after a building or unit word (二单元五〇一) turned into ASCII digits, one char for one char.
     * Positional numerals (十, 百, 千) become a digit too: the patterns need to know the run is a number, not its value
     * (十二 → 12, 二十三 → 203). Elsewhere (一号文件, 三室两厅) the patterns still need a building, a unit or a
     * three-digit room around the number, so a lone numeral before 号 or 室 is never redacted.
     */
    static String foldDoorNumerals(String folded) {
        char[] chars = null;
        int i = 0;
        while (i < folded.length()) {
            if (!isDoorNumeral(folded.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < folded.length() && isDoorNumeral(folded.charAt(end))) {
                end++;
            }
            if (end - i <= MAX_DOOR_NUMERAL_RUN && (startsWithAny(folded, end, DOOR_WORDS_AFTER_NUMBER)
                    || endsWithAny(folded, i, DOOR_WORDS_BEFORE_NUMBER))) {
                if (chars == null) {
                    chars = folded.toCharArray();
                }
                for (int k = i; k < end; k++) {
                    chars[k] = doorDigit(chars[k], k == i);
                }
            }
            i = end;
        }
        return chars == null ? folded : new String(chars);
    }

    /** 十 leads 十二 as 1, any other positional numeral stands for a 0. */
    private static char doorDigit(char c, boolean first) {
        int d = numeralDigit(c);
        if (d >= 0) {
            return (char) ('0' + d);
        }
        return c == '两' ? '2' : c == '十' && first ? '1' : '0';
    }

    private static boolean isDoorNumeral(char c) {
        return numeralDigit(c) >= 0 || c == '十' || c == '百' || c == '千' || c == '两';
    }

    private static boolean startsWithAny(String s, int at, String[] words) {
        for (String w : words) {
            if (s.startsWith(w, at)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithAny(String s, int at, String[] words) {
        for (String w : words) {
            if (at >= w.length() && s.startsWith(w, at - w.length())) {
                return true;
            }
        }
        return false;
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
