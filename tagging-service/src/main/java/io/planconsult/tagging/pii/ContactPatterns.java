package io.planconsult.tagging.pii;

import io.planconsult.tagging.text.CandidateScan;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phones, e-mail addresses, resident ID numbers and bank cards: the personal data that has a fixed
 * shape. Recall first: digits may be grouped any way (spaces, dots, dashes, brackets), an ID is an ID
 * whatever its check digit, and a false redaction costs a word where a miss costs a person.
 */
final class ContactPatterns {

    /** One optional separator between two digits of a number: {@code 138 5716-2394}, {@code 138.5716.2394}. */
    private static final String SEP = "[\\s.\\-]?";
    private static final String NOT_AFTER_DIGIT = "(?<![\\d+])(?<!\\d[\\s.\\-])";
    private static final String NOT_BEFORE_DIGIT = "(?![\\s.\\-]?\\d)";
    private static final String COUNTRY = "(?:\\(?(?:\\+|00)\\s?86\\)?[\\s.\\-]*)";

    static final Pattern MOBILE = Pattern.compile(
            NOT_AFTER_DIGIT + COUNTRY + "?\\(?1[3-9]\\d\\)?" + "(?:" + SEP + "\\d){8}" + NOT_BEFORE_DIGIT);

    /** Landlines: 0571-87063215, (0571)8706 3215, +86 571 8706 3215, with an optional extension. */
    static final Pattern LANDLINE = Pattern.compile(
            NOT_AFTER_DIGIT + "(?:" + COUNTRY + "\\(?0?\\d{2,3}\\)?|\\(?0\\d{2,3}\\)?)[\\s.\\-]*"
                    + "\\d(?:" + SEP + "\\d){6,7}(?:\\s?(?:-|转|ext\\.?)\\s?\\d{1,5})?" + NOT_BEFORE_DIGIT);

    /** A bare local number only counts when the text says it is a phone number. */
    private static final Pattern LOCAL_AFTER_KEYWORD = Pattern.compile(
            "(?:电话|座机|手机|联系方式|热线|tel)[：:\\s]*(\\d(?:" + SEP + "\\d){6,7})" + NOT_BEFORE_DIGIT);

    /**
     * 18 characters (the last may be x) or the old 15 digits, any grouping ({@code 330103 19920315 0041}),
     * whatever the check digit; the first digit is a region's, never 0 (0086… is a phone).
     */
    static final Pattern ID = Pattern.compile(
            "(?<!\\d)(?<!\\d[\\s.\\-])[1-9](?:[\\s.\\-]?\\d){16}[\\s.\\-]?[\\dx](?![\\da-z])(?![\\s.\\-]?\\d)"
                    + "|(?<!\\d)(?<!\\d[\\s.\\-])[1-9](?:[\\s.\\-]?\\d){14}(?![\\da-z])(?![\\s.\\-]?\\d)");

    /** 16 to 19 digits in any grouping that are not an ID: a bank card. */
    static final Pattern CARD = Pattern.compile(
            "(?<!\\d)(?<!\\d[\\s.\\-])[1-9](?:[\\s.\\-]?\\d){15,18}(?![\\da-z])(?![\\s.\\-]?\\d)");

    /** The folded text has {@code ＠} as {@code @} and {@code ．} as {@code .}; 。 is a full stop typed in haste. */
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![a-z0-9._%+-])[a-z0-9][a-z0-9._%+-]*\\s?@\\s?[a-z0-9-]+(?:[.。][a-z0-9-]+)*[.。][a-z]{2,}");

    private ContactPatterns() {
    }

    static List<PiiSpan> find(String folded) {
        List<PiiSpan> spans = new ArrayList<>();
        if (folded.indexOf('@') >= 0) {
            addAll(spans, EMAIL.matcher(folded), PiiDetector.EMAIL);
        }
        // Phones, IDs and cards need at least seven digits in one run (groups split by single spaces, dots
        // or dashes); years and percentages scattered through a long text do not make one, and skipping the
        // regexes then is most of the speed.
        int digits = digitCount(folded);
        int longest = digits < 7 ? 0 : longestSeparatedDigitRun(folded);
        if (longest < 7) {
            return spans;
        }
        if (longest >= 15) {
            addAll(spans, ID, folded, PiiDetector.ID_NUMBER);
        }
        if (longest >= 16) {
            addAll(spans, CARD, folded, PiiDetector.BANK_CARD);
        }
        if (longest >= 11) {
            addAll(spans, MOBILE, folded, PiiDetector.PHONE);
        }
        addAll(spans, LANDLINE, folded, PiiDetector.PHONE);
        if (namesAPhone(folded)) {
            Matcher local = LOCAL_AFTER_KEYWORD.matcher(folded);
            while (local.find()) {
                spans.add(new PiiSpan(PiiDetector.PHONE, local.start(1), local.end(1)));
            }
        }
        return spans;
    }

    /** The folded text is lower-cased, so "TEL" is found as "tel". */
    private static boolean namesAPhone(String folded) {
        return folded.contains("电话") || folded.contains("座机") || folded.contains("手机") || folded.contains("联系方式")
                || folded.contains("热线") || folded.contains("tel");
    }

    /**
     * Digits in the longest run of digits where a single whitespace, dot or dash may sit between two
     * digits, and brackets around a group ({@code (0571)8706}) do not break the run.
     */
    static int longestSeparatedDigitRun(String s) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                longest = Math.max(longest, ++run);
            } else if (!(run > 0 && isSeparator(c) && i + 1 < s.length() && isDigitAt(s, i + 1))) {
                run = 0;
            }
        }
        return longest;
    }

    /** What {@code [\s.\-]} and the brackets in the patterns accept between digit groups. */
    private static boolean isSeparator(char c) {
        return c == '-' || c == '.' || c == ' ' || c == '\t' || c == '\n' || c == '\013' || c == '\f' || c == '\r'
                || c == '(' || c == ')';
    }

    private static boolean isDigitAt(String s, int i) {
        char c = s.charAt(i);
        return c >= '0' && c <= '9';
    }

    private static int digitCount(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                n++;
            }
        }
        return n;
    }

    private static void addAll(List<PiiSpan> spans, Matcher m, String type) {
        while (m.find()) {
            spans.add(new PiiSpan(type, m.start(), m.end()));
        }
    }

    /** For the numbers' patterns, tried only where one of them can begin (see {@link #canBeginNumber}). */
    private static void addAll(List<PiiSpan> spans, Pattern number, String folded, String type) {
        for (MatchResult m : numbers(number, folded)) {
            spans.add(new PiiSpan(type, m.start(), m.end()));
        }
    }

    /** The matches of ID, CARD, MOBILE or LANDLINE, as find() returns them. */
    static List<MatchResult> numbers(Pattern number, String folded) {
        return CandidateScan.matches(number, folded, (t, i) -> canBeginNumber(t.charAt(i)));
    }

    /**
     * Every match of the numbers' patterns begins with a digit, a bracket or the plus of +86 (their lookbehinds
     * take no char): trying their lookbehinds and alternatives at every Han char was most of their cost.
     */
    private static boolean canBeginNumber(char c) {
        return (c >= '0' && c <= '9') || c == '(' || c == '+';
    }
}
