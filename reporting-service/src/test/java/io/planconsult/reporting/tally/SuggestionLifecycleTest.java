package io.planconsult.reporting.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.planconsult.contract.SuggestionRetagged;
import io.planconsult.contract.SuggestionTagged;
import io.planconsult.contract.SuggestionWithdrawn;
import io.planconsult.contract.SuggestionsMerged;

class SuggestionLifecycleTest {

    private static final UUID ID = UUID.randomUUID();
    private static final UUID MODEL_CLUSTER = UUID.randomUUID();

    private static SuggestionTagged tagged(int revision, String topic, String district) {
        return new SuggestionTagged(ID, UUID.randomUUID(), "st-" + district + "-01", district, "station",
                Instant.parse("2026-11-20T01:30:00Z"),
                topic, List.of(), List.of(topic), null, "文本", List.of(), "m1", "t1", false, List.of("停车"),
                MODEL_CLUSTER, ID, revision);
    }

    private static SuggestionRetagged retag(long sequence, String topic) {
        return new SuggestionRetagged(ID, sequence, topic, List.of(topic), Instant.now());
    }

    /** Each event applied by the one rule the ledger and the replay use; true if it changed the state. */
    private static boolean tag(TaggedSuggestion row, UUID eventId, SuggestionTagged e) {
        return SuggestionLifecycle.apply(row, SuggestionLifecycle.tagged(eventId, e)).isPresent();
    }

    private static boolean retag(TaggedSuggestion row, SuggestionRetagged e) {
        return SuggestionLifecycle.apply(row, SuggestionLifecycle.retagged(UUID.randomUUID(), e)).isPresent();
    }

    private static boolean withdraw(TaggedSuggestion row, SuggestionWithdrawn e) {
        return SuggestionLifecycle.apply(row, SuggestionLifecycle.withdrawn(UUID.randomUUID(), e)).isPresent();
    }

    private static boolean merge(TaggedSuggestion row, long sequence, UUID cluster, UUID first) {
        return SuggestionLifecycle.apply(row, SuggestionLifecycle.merged(UUID.randomUUID(), row.suggestionId,
                new SuggestionsMerged(cluster, first, List.of(row.suggestionId), sequence, Instant.now()))).isPresent();
    }

    @Test
    void aCorrectionBeforeTheTaggingLeavesAPlaceholderThatCountsNowhere() {
        TaggedSuggestion row = SuggestionLifecycle.placeholder(ID);
        assertTrue(retag(row, retag(3, "gaps")));
        assertTrue(Contribution.of(row).isNone());
        assertTrue(tag(row, UUID.randomUUID(), tagged(0, "urban", "xihu")));
        assertEquals("gaps", Contribution.of(row).primaryTopic(), "the human tag overrides the model's");
        assertEquals("urban", row.modelPrimaryTopic);
    }

    @Test
    void theHighestRevisionsTaggingIsKept() {
        TaggedSuggestion row = SuggestionLifecycle.placeholder(ID);
        assertTrue(tag(row, UUID.randomUUID(), tagged(2, "ai", "binjiang")));
        assertFalse(tag(row, UUID.randomUUID(), tagged(1, "urban", "xihu")), "an older revision arriving late");
        assertEquals("ai", row.primaryTopic);
        assertEquals("binjiang", row.stationDistrict);
        assertEquals(2, row.revision);
    }

    @Test
    void aModelRetagOfAnAmendedTextNeverOverwritesTheHumanTag() {
        TaggedSuggestion row = SuggestionLifecycle.placeholder(ID);
        tag(row, UUID.randomUUID(), tagged(0, "urban", "xihu"));
        retag(row, retag(5, "rule-of-law"));
        assertTrue(tag(row, UUID.randomUUID(), tagged(1, "ai", "xihu")));
        assertEquals("rule-of-law", row.primaryTopic);
        assertEquals("ai", row.modelPrimaryTopic);
        assertFalse(retag(row, retag(4, "culture")), "an older correction arriving late");
        assertEquals("rule-of-law", row.primaryTopic);
    }

    @Test
    void theMergeWithTheHighestSequenceDecidesTheCluster() {
        TaggedSuggestion row = SuggestionLifecycle.placeholder(ID);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        merge(row, 9, second, second);
        tag(row, UUID.randomUUID(), tagged(0, "urban", "xihu"));
        assertFalse(merge(row, 7, first, first));
        assertEquals(second, row.clusterId);
        assertEquals(MODEL_CLUSTER, row.modelClusterId);
        tag(row, UUID.randomUUID(), tagged(1, "urban", "xihu"));
        assertEquals(second, row.clusterId, "a re-tag by the model keeps the analyst's merge");
    }

    @Test
    void withdrawalIsFinal() {
        TaggedSuggestion row = SuggestionLifecycle.placeholder(ID);
        assertTrue(withdraw(row, new SuggestionWithdrawn(ID, 0, "st-xihu-01", "xihu", Instant.now())));
        tag(row, UUID.randomUUID(), tagged(1, "urban", "xihu"));
        assertTrue(Contribution.of(row).isNone(), "a tagging arriving after the withdrawal counts nowhere");
        assertFalse(withdraw(row, new SuggestionWithdrawn(ID, 1, "st-xihu-01", "xihu", Instant.now())));
    }

    @Test
    void everyOrderOfTheSameEventsEndsInTheSameState() {
        UUID merged = UUID.randomUUID();
        List<java.util.function.Consumer<TaggedSuggestion>> events = new ArrayList<>(List.of(
                r -> tag(r, new UUID(0, 1), tagged(0, "urban", "xihu")),
                r -> tag(r, new UUID(0, 2), tagged(1, "ai", "xihu")),
                r -> tag(r, new UUID(0, 3), tagged(1, "industry", "xihu")),
                r -> retag(r, retag(2, "gaps")),
                r -> retag(r, retag(8, "culture")),
                r -> merge(r, 4, merged, merged)));
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            Collections.shuffle(events, random);
            TaggedSuggestion row = SuggestionLifecycle.placeholder(ID);
            events.forEach(e -> e.accept(row));
            events.forEach(e -> e.accept(row));
            assertEquals("culture", row.primaryTopic);
            assertEquals("industry", row.modelPrimaryTopic, "of two taggings of one revision the greater event id");
            assertEquals(merged, row.clusterId);
            assertEquals(1, row.revision);
        }
    }
}
