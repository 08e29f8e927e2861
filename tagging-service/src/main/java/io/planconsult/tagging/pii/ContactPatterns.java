package io.planconsult.tagging.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Phones, e-mail addresses and resident ID numbers: the personal data that has a fixed shape. */
final class ContactPatterns {

    private static final String COUNTRY = "(?:(?:\\+|00)\\s?86[\\s-]?)";

    /** Mobile numbers in 3-4-4 groups with optional spaces or dashes and an optional +86. */
    private static final Pattern MOBILE = Pattern.compile(
            "(?<![\\d+])" + COUNTRY + "?1[3-9]\\d[\\s-]?\\d{4}[\\s-]?\\d{4}(?!\\d)");

    /** Landlines: 0571-87063215, (0571)87063215, +86 571 8706 3215, with an optional extension. */
    private static final Pattern LANDLINE = Pattern.compile(
            "(?<![\\d+])(?:" + COUNTRY + "\\(?0?\\d{2,3}\\)?[\\s-]?|\\(?0\\d{2,3}\\)?[\\s-]?)"
                    + "\\d{3,4}[\\s-]?\\d{4}(?:-\\d{1,4})?(?!\\d)");

    /** A bare local number only counts when the text says it is a phone number. */
    private static final Pattern LOCAL_AFTER_KEYWORD = Pattern.compile(
            "(?:电话|座机|联系方式|tel)[：:\\s]*(\\d{4}[\\s-]?\\d{4})(?!\\d)", Pattern.CASE_INSENSITIVE);

    private static final Pattern ID = Pattern.compile("(?<![\\dA-Za-z])\\d{17}[\\dXx](?![\\dA-Za-z])");

    /** An ID that fails its check digit is still redacted when the text calls it an ID: a typo is still personal. */
    private static final Pattern ID_KEYWORD = Pattern.compile("身份证(?:号码|号)?[：:\\s]*$");

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    private ContactPatterns() {
    }

    static List<PiiSpan> find(String folded) {
        List<PiiSpan> spans = new ArrayList<>();
        if (folded.indexOf('@') >= 0) {
            addAll(spans, EMAIL.matcher(folded), PiiDetector.EMAIL);
        }
        // Phones and IDs need at least seven digits in one run (a phone's groups are split by single
        // spaces or dashes at most); years and percentages scattered through a long text do not make
        // one, and skipping the regexes then is most of the speed.
        int digits = digitCount(folded);
        if (digits < 7 || longestSeparatedDigitRun(folded) < 7) {
            return spans;
        }
        // Each regex below tries every position; skip the ones whose shape cannot be in the text.
        boolean mayHoldId = longestDigitRun(folded) >= 17;
        Matcher id = ID.matcher(folded);
        while (mayHoldId && id.find()) {
            String before = folded.substring(Math.max(0, id.start() - 8), id.start());
            if (ResidentId.isValid(id.group()) || ID_KEYWORD.matcher(before).find()) {
                spans.add(new PiiSpan(PiiDetector.ID_NUMBER, id.start(), id.end()));
            }
        }
        if (digits >= 11) {
            addAll(spans, MOBILE.matcher(folded), PiiDetector.PHONE);
        }
        addAll(spans, LANDLINE.matcher(folded), PiiDetector.PHONE);
        boolean saysPhone = namesAPhone(folded);
        Matcher local = LOCAL_AFTER_KEYWORD.matcher(folded);
        while (saysPhone && local.find()) {
            spans.add(new PiiSpan(PiiDetector.PHONE, local.start(1), local.end(1)));
        }
        return spans;
    }

    /** The folded text is lower-cased, so "TEL" is found as "tel" like the case-insensitive regex would. */
    private static boolean namesAPhone(String folded) {
        return folded.contains("电话") || folded.contains("座机") || folded.contains("联系方式") || folded.contains("tel");
    }

    /** Digits in the longest run of digits where single whitespace or dash characters may sit between two digits. */
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

    /** What {@code [\s-]} in the patterns accepts between digit groups. */
    private static boolean isSeparator(char c) {
        return c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\013' || c == '\f' || c == '\r';
    }

    private static boolean isDigitAt(String s, int i) {
        char c = s.charAt(i);
        return c >= '0' && c <= '9';
    }

    private static int longestDigitRun(String s) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            run = c >= '0' && c <= '9' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
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
}
