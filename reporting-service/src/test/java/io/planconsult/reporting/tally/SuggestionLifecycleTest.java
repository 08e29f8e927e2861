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

class SuggestionLifecycleTest {

    private static final UUID ID = UUID.randomUUID();
    private static final UUID MODEL_CLUSTER = UUID.randomUUID();

    private static SuggestionTagged tagged(int revision, String topic, String district) {
        return new SuggestionTagged(ID, UUID.randomUUID(), "st-" + district + "-01", district, "station", Instant.parse("2026-11-20T01:30:00Z"),
                topic, List.of(), List.of(topic), null, "文本", List.of(), "m1", "t1", false, List.of("停车"), MODEL_CLUSTER, ID, revision);
    }

    private static SuggestionRetagged retag(long sequence, String topic) {
        return new SuggestionRetagged(ID, sequence, topic, List.of(topic), Instant.now());
    }

    @Test
    void aCorrectionBeforeTheTaggingLeavesAPlaceholderThatCountsNowhere() {
        TaggedSuggestion row = SuggestionLifecycle.placeholder(ID);
        assertTrue(SuggestionLifecycle.retag(row, retag(3, "gaps")));
        assertTrue(Contribution.of(row).isNone());
        assertTrue(SuggestionLifecycle.tag(row, UUID.randomUUID(), tagged(0, "urban", "xihu")));
        assertEquals("gaps", Contribution.of(row).primaryTopic(), "the human tag overrides the model's");
        assertEquals("urban", row.modelPrimaryTopic);
    }

    @Test
    void theHighestRevisionsTaggingIsKept() {
        TaggedSuggestion row = SuggestionLifecycle.placeholder(ID);
        assertTrue(SuggestionLifecycle.tag(row, UUID.randomUUID(), tagged(2, "ai", "binjiang")));
        assertFalse(SuggestionLifecycle.tag(row, UUID.randomUUID(), tagged(1, "urban", "xihu")), "an older revision arriving late");
        assertEquals("ai", row.primaryTopic);
        assertEquals("binjiang", row.stationDistrict);
        assertEquals(2, row.revision);
    }

    @Test
    void aModelRetagOfAnAmendedTextNeverOverwritesTheHumanTag() {
        TaggedSuggestion row = SuggestionLifecycle.placeholder(ID);
        SuggestionLifecycle.tag(row, UUID.randomUUID(), tagged(0, "urban", "xihu"));
        SuggestionLifecycle.retag(row, retag(5, "rule-of-law"));
        assertTrue(SuggestionLifecycle.tag(row, UUID.randomUUID(), tagged(1, "ai", "xihu")));
        assertEquals("rule-of-law", row.primaryTopic);
        assertEquals("ai", row.modelPrimaryTopic);
        assertFalse(SuggestionLifecycle.retag(row, retag(4, "culture")), "an older correction arriving late");
        assertEquals("rule-of-law", row.primaryTopic);
    }

    @Test
    void theMergeWithTheHighestSequenceDecidesTheCluster() {
        TaggedSuggestion row = SuggestionLifecycle.placeholder(ID);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        SuggestionLifecycle.merge(row, 9, second, second);
        SuggestionLifecycle.tag(row, UUID.randomUUID(), tagged(0, "urban", "xihu"));
        assertFalse(SuggestionLifecycle.merge(row, 7, first, first));
        assertEquals(second, row.clusterId);
        assertEquals(MODEL_CLUSTER, row.modelClusterId);
        SuggestionLifecycle.tag(row, UUID.randomUUID(), tagged(1, "urban", "xihu"));
        assertEquals(second, row.clusterId, "a re-tag by the model keeps the analyst's merge");
    }

    @Test
    void withdrawalIsFinal() {
        TaggedSuggestion row = SuggestionLifecycle.placeholder(ID);
        assertTrue(SuggestionLifecycle.withdraw(row, new SuggestionWithdrawn(ID, 0, "st-xihu-01", "xihu", Instant.now())));
        SuggestionLifecycle.tag(row, UUID.randomUUID(), tagged(1, "urban", "xihu"));
        assertTrue(Contribution.of(row).isNone(), "a tagging arriving after the withdrawal counts nowhere");
        assertFalse(SuggestionLifecycle.withdraw(row, new SuggestionWithdrawn(ID, 1, "st-xihu-01", "xihu", Instant.now())));
    }

    @Test
    void everyOrderOfTheSameEventsEndsInTheSameState() {
        UUID merged = UUID.randomUUID();
        List<java.util.function.Consumer<TaggedSuggestion>> events = new ArrayList<>(List.of(
                r -> SuggestionLifecycle.tag(r, new UUID(0, 1), tagged(0, "urban", "xihu")),
                r -> SuggestionLifecycle.tag(r, new UUID(0, 2), tagged(1, "ai", "xihu")),
                r -> SuggestionLifecycle.tag(r, new UUID(0, 3), tagged(1, "industry", "xihu")),
                r -> SuggestionLifecycle.retag(r, retag(2, "gaps")),
                r -> SuggestionLifecycle.retag(r, retag(8, "culture")),
                r -> SuggestionLifecycle.merge(r, 4, merged, merged)));
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
