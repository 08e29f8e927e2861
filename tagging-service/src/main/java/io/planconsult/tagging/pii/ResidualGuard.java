package io.planconsult.tagging.pii;

import io.planconsult.contract.ReviewReasons;

/**
 * The last line before a text is published, independent of the detectors (its own folding, its own
 * rules): whatever they missed that still looks like a number or an address is masked as
 * {@value #MASK}, and the caller flags the event for review ({@value #REASON}).
 * <ul>
 * <li>a run of seven or more digits (ASCII, full-width or Chinese numerals, single spaces, dots or dashes
 * between them), with the letters stuck to it ({@code 33010319920315004x}, {@code E12345678}); a year
 * range or a date ({@code 2025-2030}, {@code 2025.11.20}) is not one;</li>
 * <li>anything around an at-sign ({@code @} or {@code ＠}) that looks like an e-mail address.</li>
 * </ul>
 * Pure and thread-safe.
 */
public final class ResidualGuard {

    public static final String MASK = "[号码]";
    public static final String REASON = ReviewReasons.RESIDUAL_PII;
    static final int MIN_DIGITS = 7;

    /** @param text the guarded text; {@code masked} says whether anything was left to mask */
    public record Result(String text, boolean masked) {
    }

    private ResidualGuard() {
    }

    public static Result guard(String text) {
        if (text == null || text.isEmpty()) {
            return new Result(text == null ? "" : text, false);
        }
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < text.length()) {
            int end = maskEnd(text, i);
            if (end > i) {
                int start = Math.max(copied, letterStart(text, i));
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, start).append(MASK);
                copied = end;
                i = end;
            } else {
                i++;
            }
        }
        if (out == null) {
            return new Result(text, false);
        }
        return new Result(out.append(text, copied, text.length()).toString(), true);
    }

    /** End of what must be masked starting at {@code i}, or {@code i} when nothing is. */
    private static int maskEnd(String s, int i) {
        char c = s.charAt(i);
        int end = i;
        if (digit(c) >= 0 && (i == 0 || digit(s.charAt(i - 1)) < 0)) {
            end = digitRunEnd(s, i);
        }
        if (end == i && isWordChar(c) && (i == 0 || !isWordChar(s.charAt(i - 1)))) {
            end = Math.max(emailEnd(s, i), idLikeEnd(s, i));
        }
        return end;
    }

    /** A token of eight or more letters and digits, five or more of them digits: {@code wxid_ab12345}. */
    private static int idLikeEnd(String s, int start) {
        int digits = 0;
        int letters = 0;
        int i = start;
        while (i < s.length() && isWordChar(s.charAt(i))) {
            digits += digit(s.charAt(i)) >= 0 ? 1 : 0;
            letters += isAsciiLetter(s.charAt(i)) ? 1 : 0;
            i++;
        }
        return i - start >= 8 && digits >= 5 && letters >= 1 ? i : start;
    }

    private static int digitRunEnd(String s, int start) {
        int digits = 0;
        int groups = 1;
        int group = 0;
        int longestGroup = 0;
        int firstGroup = -1;
        int i = start;
        while (i < s.length()) {
            if (digit(s.charAt(i)) >= 0) {
                digits++;
                group++;
                i++;
            } else if (isSeparator(s.charAt(i)) && i + 1 < s.length() && digit(s.charAt(i + 1)) >= 0) {
                firstGroup = firstGroup < 0 ? group : firstGroup;
                longestGroup = Math.max(longestGroup, group);
                group = 0;
                groups++;
                i++;
            } else {
                break;
            }
        }
        longestGroup = Math.max(longestGroup, group);
        if (digits < MIN_DIGITS) {
            return start;
        }
        boolean dateLike = groups > 1 && digits <= 8 && longestGroup <= 4 && firstGroup == 4
                && startsLikeAYear(s, start);
        return dateLike ? start : lettersEnd(s, i);
    }

    private static boolean startsLikeAYear(String s, int start) {
        int a = digit(s.charAt(start));
        int b = digit(s.charAt(start + 1));
        return (a == 1 && b == 9) || (a == 2 && b == 0);
    }

    /** {@code xx.yy@zz.com}: a word, an at-sign, a domain with a dot. */
    private static int emailEnd(String s, int start) {
        int i = start;
        while (i < s.length() && (isWordChar(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
        }
        int at = i < s.length() && s.charAt(i) == ' ' ? i + 1 : i;
        if (at >= s.length() || (s.charAt(at) != '@' && s.charAt(at) != '＠')) {
            return start;
        }
        int j = at + 1 < s.length() && s.charAt(at + 1) == ' ' ? at + 2 : at + 1;
        boolean dot = false;
        int domainEnd = j;
        while (j < s.length() && (isWordChar(s.charAt(j)) || isDot(s.charAt(j)))) {
            dot |= isDot(s.charAt(j)) && j > at + 1;
            j++;
            domainEnd = j;
        }
        return dot && domainEnd > at + 2 ? domainEnd : start;
    }

    private static int letterStart(String s, int i) {
        while (i > 0 && isAsciiLetter(s.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static int lettersEnd(String s, int i) {
        while (i < s.length() && isAsciiLetter(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * 0-9 for an ASCII, full-width or Chinese-numeral digit (〇一…九, 零, 幺, ○); -1 otherwise. Compared, not read
     * from a 64 KiB table: the Han chars of one text touched a cache line of it each.
     */
    static int digit(char c) {
        if (c <= '9') {
            return c >= '0' ? c - '0' : -1;
        }
        if (c >= '０' && c <= '９') {
            return c - '０';
        }
        return c < '○' ? -1 : PiiText.numeralDigit(c);
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '\u3000' || c == '－' || c == '．' || c == '\u00a0';
    }

    private static boolean isDot(char c) {
        return c == '.' || c == '．' || c == '。';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 'ａ' && c <= 'ｚ') || (c >= 'Ａ' && c <= 'Ｚ');
    }

    private static boolean isWordChar(char c) {
        if (c < 0x80) {
            return (c >= '0' && c <= '9') || isAsciiLetter(c) || c == '_' || c == '-' || c == '+' || c == '%';
        }
        return (c >= '０' && c <= '９') || (c >= 'ａ' && c <= 'ｚ') || (c >= 'Ａ' && c <= 'Ｚ');
    }
}
