package io.planconsult.tagging.pii;

import io.planconsult.tagging.text.CandidateScan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Home addresses down to a house number: 某某路12号3幢2单元501室, 某某村3组17号, 某某小区5幢.
 * A road or a street without a number locates a neighbourhood, not a person, and is left alone.
 */
final class AddressDetector {

    private static final String HAN = "[\\u4e00-\\u9fa5]";
    private static final String ADMIN = "(?:" + HAN + "{2,3}(?:区|县|市))?";
    private static final String STREET = "(?:" + HAN + "{2,4}(?:街道|镇|乡))?";
    private static final String ROAD = HAN + "{1,5}(?:路|街|大街|大道|巷|弄|村)(?:[东西南北中]段)?";
    private static final String HOUSE = "\\d+(?:组\\d+)?(?:-\\d+)?号(?:院)?";
    private static final String UNIT = "(?:\\d+(?:幢|栋|号楼|座))?(?:\\d+单元)?(?:\\d+(?:室|号房))?";
    private static final String ESTATE = HAN + "{2,6}(?:小区|花园|公寓|新村|家园|苑)\\d+(?:幢|栋|号楼|座)(?:\\d+单元)?(?:\\d+室)?";

    /** Longest text an address can have before its first digit: ADMIN 3+1, STREET 4+2, ROAD 5+2+2, ESTATE 6+2. */
    static final int MAX_PREFIX = 4 + 6 + 9 + 2;

    static final Pattern ADDRESS = Pattern.compile(
            "(?:" + ADMIN + STREET + ROAD + HOUSE + UNIT + ")|(?:" + ADMIN + STREET + ESTATE + ")");

    private final List<String> leadWords;

    AddressDetector(PiiRules rules) {
        // Longest first, so "地址是" is stripped whole before "是".
        this.leadWords = rules.addressLeadWords().stream()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    List<PiiSpan> find(String folded) {
        List<PiiSpan> spans = new ArrayList<>();
        // Every address has a number right before 号/幢/栋/座: most texts have none, and the
        // backtracking regex is the detector's most expensive step.
        int firstNumber = firstNumberedUnit(folded);
        if (firstNumber < 0 || (folded.indexOf('号') < 0 && folded.indexOf('幢') < 0 && folded.indexOf('栋') < 0)) {
            return spans;
        }
        for (MatchResult m : matches(folded)) {
            int start = trimLead(folded, m.start(), m.end());
            if (m.end() - start >= 4) {
                spans.add(new PiiSpan(PiiDetector.ADDRESS, start, m.end()));
            }
        }
        return spans;
    }

    /** The last char of a road (路, 大街, 中段…) or an estate (小区, 花园, 苑…): what stands right before the number. */
    private static final String BEFORE_NUMBER = "路街道巷弄村段区园寓苑";

    /**
     * What {@code ADDRESS.matcher(folded).find()} finds, trying only the positions at most {@link #MAX_PREFIX}
     * before a numbered unit's digits, and only when a road or an estate ends right before them: a match's first
     * digits end at 号/幢/栋/座 (号楼 too), and no match starts further before them. One "3号线" early in a long
     * text used to make the regex try every position after it.
     */
    static List<MatchResult> matches(String folded) {
        boolean[] mayStart = new boolean[folded.length()];
        for (int i = 1; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c == '号' || c == '幢' || c == '栋' || c == '座') && isDigit(folded.charAt(i - 1))) {
                int digits = runStart(folded, i - 1);
                if (digits > 0 && BEFORE_NUMBER.indexOf(folded.charAt(digits - 1)) >= 0) {
                    java.util.Arrays.fill(mayStart, Math.max(0, digits - MAX_PREFIX), digits, true);
                }
            }
        }
        return CandidateScan.matches(ADDRESS, folded, (t, i) -> mayStart[i]);
    }

    /**
     * Start of the digit run (with 组 and - inside it, as in 3组17号 or 12-3号) before the first
     * 号/幢/栋/座 that follows a digit; -1 when there is none.
     */
    static int firstNumberedUnit(String text) {
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '号' || c == '幢' || c == '栋' || c == '座') && isDigit(text.charAt(i - 1))) {
                return runStart(text, i - 1);
            }
        }
        return -1;
    }

    /** Start of the digit run (with 组 and - inside it) that ends at {@code last}. */
    private static int runStart(String text, int last) {
        int start = last;
        while (start > 0 && (isDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '组'
                || text.charAt(start - 1) == '-')) {
            start--;
        }
        return start;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The regex is greedy on Han characters, so it may swallow "家住"/"在" before the place name. */
    private int trimLead(String text, int start, int end) {
        boolean trimmed = true;
        while (trimmed && start < end) {
            trimmed = false;
            for (String lead : leadWords) {
                if (text.startsWith(lead, start) && start + lead.length() < end) {
                    start += lead.length();
                    trimmed = true;
                    break;
                }
            }
        }
        return start;
    }
}
