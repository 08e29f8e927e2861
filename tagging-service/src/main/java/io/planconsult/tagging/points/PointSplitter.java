package io.planconsult.tagging.points;

import io.planconsult.tagging.text.CandidateScan;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Splits a long text that makes several proposals into its points: numbered proposals (一是…二是…,
 * 第一…第二…, （一）（二）, 1. 2., ①②), forum minutes with a speaker per line (张委员：…), or one
 * proposal per paragraph. A text is split only when at least two points of some length are found;
 * the lead-in before the first marker ("与会代表提出三点建议：") is context, not a point.
 */
public final class PointSplitter {

    /** A point: offsets into the text it was split from, end exclusive. */
    public record Span(int start, int end) {
    }

    private static final String NUMERALS = "一二三四五六七八九十";
    private static final String NUMERAL = "[" + NUMERALS + "]";
    /** Enumeration markers, each of which starts a point. */
    static final Pattern ENUMERATION = Pattern.compile(
            "(?<![\\p{IsHan}])" + NUMERAL + "{1,2}是"
            + "|第" + NUMERAL + "{1,2}(?=[，,、：:是条点])"
            + "|[（(]" + NUMERAL + "{1,2}[）)]"
            + "|(?<=^|[\\n。；;：:！!？?])\\s*" + NUMERAL + "{1,2}、"
            + "|(?<=^|[\\n。；;：:！!？?])\\s*\\d{1,2}[、.．)）](?!\\d)"
            + "|[①②③④⑤⑥⑦⑧⑨⑩]");
    /** A speaker's line in minutes: a short name or title and a colon at the start of a line. */
    static final Pattern SPEAKER = Pattern.compile(
            "(?m)^\\s*[\\p{IsHan}A-Za-z·]{1,12}(?:委员|代表|主任|书记|局长|处长|专家|教授|老师|同志|先生|女士|居民|村民|企业家|负责人)?[：:]");
    /** Fewer characters than this do not make a point of their own. */
    private static final int MIN_POINT = 12;
    /** A text shorter than this is one point, whatever markers it has. */
    private static final int MIN_TEXT = 60;

    public List<Span> split(String text) {
        if (text.length() < MIN_TEXT) {
            return List.of();
        }
        List<Span> points = byMarkers(text, enumerationMarkers(text));
        if (points.size() < 2) {
            points = byMarkers(text, speakerMarkers(text));
        }
        if (points.size() < 2) {
            points = byParagraphs(text);
        }
        return points.size() < 2 ? List.of() : List.copyOf(points);
    }

    /**
     * The enumeration markers, exactly as {@code ENUMERATION.matcher(text).find()} would find them, but trying the
     * pattern only where a marker can begin. Letting find() try its six alternatives, two of them behind a
     * lookbehind, at every char cost more than classifying the whole text.
     */
    static List<MatchResult> enumerationMarkers(String text) {
        return CandidateScan.matches(ENUMERATION, text, PointSplitter::canBeginMarker);
    }

    /**
     * The speakers' lines, as {@code SPEAKER.matcher(text).find()} finds them: its ^ holds only at a line start,
     * and a speaker's colon comes after it, so no line starting after the text's last colon need be tried.
     */
    static List<MatchResult> speakerMarkers(String text) {
        int lastColon = Math.max(text.lastIndexOf('：'), text.lastIndexOf(':'));
        if (lastColon < 0) {
            return List.of();
        }
        return CandidateScan.matches(SPEAKER, text, (t, i) -> i < lastColon && CandidateScan.lineStart(t, i));
    }

    /**
     * Every alternative of {@link #ENUMERATION} begins with one of {@link #MARKER_STARTS}; one that begins with a
     * numeral needs no Han char before it (一是, 一、), one that begins with a digit a break before it (1.). Most
     * numerals and digits of a text sit inside a sentence (一些, 十五五, 达到1200亿) and need not be tried.
     */
    private static boolean canBeginMarker(String text, int i) {
        char c = text.charAt(i);
        if ((MARKER_STARTS[c >>> 6] & (1L << c)) == 0) {
            return false;
        }
        if (i == 0) {
            return true;
        }
        char before = text.charAt(i - 1);
        if (c >= '0' && c <= '9') {
            return BREAKS.indexOf(before) >= 0;
        }
        return NUMERALS.indexOf(c) < 0 || Character.UnicodeScript.of(before) != Character.UnicodeScript.HAN;
    }

    /** What the lookbehinds of the listed alternatives accept before a marker, besides the start of the text. */
    private static final String BREAKS = "\n。；;：:！!？?";

    /** Bit c is set when a marker can begin with char c: one read per char of the text. */
    private static final long[] MARKER_STARTS = new long[(Character.MAX_VALUE + 1) / Long.SIZE];

    static {
        String starts = NUMERALS + "第（(0123456789①②③④⑤⑥⑦⑧⑨⑩ \t\n\u000B\f\r";
        starts.chars().forEach(c -> MARKER_STARTS[c >>> 6] |= 1L << c);
    }

    private static List<Span> byMarkers(String text, List<MatchResult> markers) {
        List<Integer> starts = new ArrayList<>();
        for (MatchResult m : markers) {
            int start = m.start();
            while (start < m.end() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            starts.add(start);
        }
        List<Span> points = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
            addTrimmed(points, text, starts.get(i), end);
        }
        return points;
    }

    private static List<Span> byParagraphs(String text) {
        List<Span> points = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                addTrimmed(points, text, start, i);
                start = i + 1;
            }
        }
        return points;
    }

    private static void addTrimmed(List<Span> points, String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (end - start >= MIN_POINT) {
            points.add(new Span(start, end));
        }
    }
}
