package io.planconsult.reporting.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.planconsult.reporting.report.DisplayNames.Label;

/**
 * The reports' JSON shapes. Every count leaves out withdrawn suggestions and those only a correction has
 * reached; text is always the redacted text.
 */
public final class Reports {

    private Reports() {
    }

    /** The general report (调研总报告). */
    public record General(Instant generatedAt, String taxonomyVersion, Totals totals, List<DistrictCount> byDistrict,
            List<TopicCount> byTopic, List<ChannelCount> byChannel, Trend trend, List<ForumHeld> forums,
            List<TopicKeywords> topKeywords, List<TopicPoints> topPoints) {
    }

    /** The same report for callers who see aggregates only: each point without its text and suggestion id. */
    static General withoutTexts(General g) {
        return new General(g.generatedAt(), g.taxonomyVersion(), g.totals(), g.byDistrict(), g.byTopic(),
                g.byChannel(), g.trend(), g.forums(), g.topKeywords(), g.topPoints().stream()
                .map(t -> new TopicPoints(t.topic(), t.name(), t.nameEn(), t.points().stream().map(Point::withoutText)
                        .toList())).toList());
    }

    /**
     * @param points         distinct points raised: a near-duplicate cluster counts once however many rewordings it has
     * @param notSuggestions greetings, tests, questions about the service and the like: kept, counted apart
     */
    public record Totals(long suggestions, long points, long needsReview, long forums, long forumParticipants,
            long forumDeputies, long notSuggestions) {
    }

    /** Suggestions collected in the district ({@code station}) and naming it ({@code subject}). */
    public record DistrictCount(String code, String name, String nameEn, long station, long subject) {
        static DistrictCount of(Label l, long station, long subject) {
            return new DistrictCount(l.code(), l.name(), l.nameEn(), station, subject);
        }
    }

    /** {@code count}: primary topic; {@code mentions}: among its labels; {@code points}: distinct clusters. */
    public record TopicCount(String code, String name, String nameEn, long count, long mentions, long points) {
    }

    public record ChannelCount(String code, String name, String nameEn, long count) {
    }

    public record Trend(String timeZone, List<DayCount> perDay, List<WeekCount> perWeek) {
    }

    public record DayCount(LocalDate date, long count) {
    }

    /** An ISO week (Monday first), e.g. {@code 2026-W47}. */
    public record WeekCount(String week, LocalDate weekStart, long count) {
    }

    public record ForumHeld(String name, LocalDate heldOn, String district, String districtName, String districtNameEn,
            int participants, int deputiesPresent, int suggestionCount) {
    }

    public record KeywordCount(String keyword, long count) {
    }

    public record TopicKeywords(String topic, String name, String nameEn, List<KeywordCount> keywords) {
    }

    /**
     * A point raised {@code count} times: a near-duplicate cluster of at least two suggestions, or one an analyst made
     * a point by merging (a merge of a single suggestion promotes it), with the cluster's first suggestion as its
     * representative text. {@code suggestionId} and {@code redactedText} are {@code null} for callers who see
     * aggregates only.
     */
    public record Point(UUID clusterId, long count, UUID suggestionId, String redactedText) {
        Point withoutText() {
            return new Point(clusterId, count, null, null);
        }
    }

    public record TopicPoints(String topic, String name, String nameEn, List<Point> points) {
    }

    /** One suggestion as reports list it: redacted text only. */
    public record SuggestionRow(UUID suggestionId, String stationId, String stationDistrict, String subjectDistrict,
            String channel, String primaryTopic, List<String> labels, List<String> keywords, UUID clusterId,
            String redactedText, Instant submittedAt) {
    }

    public record SuggestionPage(int page, int size, long total, List<SuggestionRow> items) {
    }

    /**
     * One key area's sub-report (调研子报告). {@code passages}: the points of long texts (speeches, minutes, proposals
     * numbered 一是…二是…) that fall in this area, each with its passage, from the same page of such texts as
     * {@code suggestions}; a speech covering three areas is quoted in all three sub-reports.
     */
    public record TopicReport(Instant generatedAt, Label topic, long count, long mentions, long points,
            List<DistrictCount> byDistrict, List<Point> topPoints, List<KeywordCount> keywords,
            SuggestionPage suggestions, List<PointPassage> passages) {
    }

    /** One point of a long text: its passage (redacted), where it lies, its district and keywords. */
    public record PointPassage(UUID suggestionId, String primaryTopic, int start, int end, String passage,
            String textDistrict, List<String> keywords, Instant submittedAt) {
    }

    /**
     * One district's suggestion list (建议清单), grouped by topic in taxonomy order; {@code notSuggestions}: greetings,
     * tests and the like of the district, counted apart and not listed.
     */
    public record DistrictReport(Instant generatedAt, Label district, String by, long total, long notSuggestions,
            List<TopicSection> topics) {
    }

    public record TopicSection(String code, String name, String nameEn, long count, List<SuggestionRow> suggestions) {
    }
}
