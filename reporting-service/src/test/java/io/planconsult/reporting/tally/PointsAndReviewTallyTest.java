package io.planconsult.reporting.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.planconsult.contract.ReviewReasons;
import io.planconsult.contract.SuggestionRetagged;
import io.planconsult.contract.SuggestionTagged;

/** Points per cell, texts that are not suggestions apart from the topics, and the review flag, as the ledger counts. */
class PointsAndReviewTallyTest {

    private static final UUID ID = UUID.randomUUID();
    private static final String SPEECH = "一是建设算力中心。二是打通地铁断头路。三是补齐乡镇医疗短板。";

    private static SuggestionTagged tagged(String topic, List<String> labels, List<String> reasons,
            List<SuggestionTagged.Point> points) {
        return new SuggestionTagged(ID, UUID.randomUUID(), "st-xihu-01", "xihu", "cppcc",
                Instant.parse("2026-11-20T01:30:00Z"), topic, List.of(), labels, null, SPEECH, List.of(), "m1", "t1",
                !reasons.isEmpty(), List.of(), null, ID, 0, reasons, points, "zh");
    }

    private static SuggestionTagged.Point point(int start, int end, String topic, String district) {
        return new SuggestionTagged.Point(start, end, topic, List.of(topic), district, List.of(), null);
    }

    private static TaggedSuggestion stored(SuggestionTagged e) {
        TaggedSuggestion row = SuggestionLifecycle.placeholder(ID);
        SuggestionLifecycle.apply(row, SuggestionLifecycle.tagged(UUID.randomUUID(), e));
        return row;
    }

    private static long count(TallyArithmetic.Changes changes, TallyDimension d, String bucket, String topic) {
        return changes.cells().stream().filter(c -> c.dimension() == d && c.bucket().equals(bucket)
                && c.topic().equals(topic)).mapToLong(TallyDelta::primary).sum();
    }

    private static TallyArithmetic.Changes first(TaggedSuggestion row) {
        return TallyArithmetic.diff(Contribution.NONE, Contribution.of(row));
    }

    @Test
    void aSpeechCoveringThreeAreasIsOneSuggestionAndOnePointInEachArea() {
        TaggedSuggestion row = stored(tagged("ai", List.of("ai", "urban", "gaps"), List.of(ReviewReasons.MULTI_POINT),
                List.of(point(0, 9, "ai", null), point(9, 19, "urban", null), point(19, 30, "gaps", "chunan"))));
        var changes = first(row);
        assertEquals(1, count(changes, TallyDimension.STATION, "xihu", "ai"), "counted once, under its primary topic");
        assertEquals(0, count(changes, TallyDimension.STATION, "xihu", "urban"));
        for (String topic : List.of("ai", "urban", "gaps")) {
            assertEquals(1, count(changes, TallyDimension.POINTS_STATION, "xihu", topic), topic);
        }
        assertEquals(1, count(changes, TallyDimension.POINTS_SUBJECT, "chunan", "gaps"), "a point naming a district");
        assertEquals(0, count(changes, TallyDimension.POINTS_SUBJECT, "xihu", "gaps"));
        assertEquals(1, count(changes, TallyDimension.POINTS_SUBJECT, "xihu", "urban"), "else the subject district");
        assertEquals("二是打通地铁断头路。", StoredPoints.of(row).get(1).passage(row.redactedText));
    }

    @Test
    void aTextNotSplitIsOnePointInItsPrimaryTopic() {
        var changes = first(stored(tagged("urban", List.of("urban"), List.of(), List.of())));
        assertEquals(1, count(changes, TallyDimension.POINTS_STATION, "xihu", "urban"));
        assertTrue(changes.cells().stream().noneMatch(c -> c.dimension() == TallyDimension.FLAGGED_STATION),
                "an unflagged suggestion is in no flagged cell");
    }

    @Test
    void aGreetingCountsApartFromEveryTopicAndFromTheTotalUntilAnAnalystRetagsIt() {
        TaggedSuggestion row = stored(tagged("other", List.of("other"), List.of(ReviewReasons.NOT_A_SUGGESTION),
                List.of()));
        var changes = first(row);
        assertEquals(0, count(changes, TallyDimension.STATION, "xihu", "other"), "not mixed into other");
        assertEquals(1, count(changes, TallyDimension.STATION, "xihu", Contribution.NOT_A_SUGGESTION));
        assertEquals(0, count(changes, TallyDimension.ALL, "*", "*"), "not in the total of suggestions");
        assertEquals(1, count(changes, TallyDimension.ALL, "*", Contribution.NOT_A_SUGGESTION));
        assertEquals(1, count(changes, TallyDimension.FLAGGED_STATION, "xihu", Contribution.NOT_A_SUGGESTION));
        assertTrue(changes.cells().stream().noneMatch(c -> c.dimension() == TallyDimension.POINTS_STATION),
                "a greeting raises no point");
        assertEquals("other", row.modelPrimaryTopic, "the engine's own tag is kept beside");

        Contribution before = Contribution.of(row);
        SuggestionLifecycle.apply(row, SuggestionLifecycle.retagged(UUID.randomUUID(),
                new SuggestionRetagged(ID, 1, "urban", List.of("urban"), Instant.now())));
        var retag = TallyArithmetic.diff(before, Contribution.of(row));
        assertEquals(-1, count(retag, TallyDimension.STATION, "xihu", Contribution.NOT_A_SUGGESTION));
        assertEquals(1, count(retag, TallyDimension.STATION, "xihu", "urban"));
        assertEquals(1, count(retag, TallyDimension.ALL, "*", "*"));
        assertEquals(-1, count(retag, TallyDimension.FLAGGED_STATION, "xihu", Contribution.NOT_A_SUGGESTION),
                "a re-tag clears the flag");
        assertTrue(retag.cells().stream()
                .noneMatch(c -> c.dimension() == TallyDimension.FLAGGED_STATION && c.primary() > 0));
    }

    @Test
    void aFlaggedSuggestionCountsInItsCellsFlagUntilRetagged() {
        TaggedSuggestion row = stored(tagged("consumption", List.of("consumption"),
                List.of(ReviewReasons.CLOSE_SECOND), List.of()));
        var changes = first(row);
        assertEquals(1, count(changes, TallyDimension.FLAGGED_STATION, "xihu", "consumption"));
        assertEquals(1, count(changes, TallyDimension.FLAGGED_SUBJECT, "xihu", "consumption"));
        assertEquals(1, count(changes, TallyDimension.STATION, "xihu", "consumption"), "and still counts as usual");
    }

    @Test
    void theCountingDimensionsAreNeverABreakdownOfTheirOwn() {
        assertEquals(List.of("points-station", "points-subject", "flagged-station", "flagged-subject"),
                List.of(TallyDimension.values()).stream().filter(d -> !d.countsSuggestions()).map(TallyDimension::code)
                        .toList());
        assertTrue(List.of(TallyDimension.values()).stream().filter(TallyDimension::isBreakdown)
                .allMatch(d -> d.code().length() <= 8 && d.countsSuggestions()));
    }
}
