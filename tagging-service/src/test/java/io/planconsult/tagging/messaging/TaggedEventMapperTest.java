package io.planconsult.tagging.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.planconsult.contract.EventIds;
import io.planconsult.contract.SuggestionSubmitted;
import io.planconsult.contract.SuggestionTagged;
import io.planconsult.tagging.dedup.DedupIndex;
import io.planconsult.tagging.pipeline.Enrichment;
import io.planconsult.tagging.pipeline.TaggingEngine;

class TaggedEventMapperTest {

    private static final TaggingEngine ENGINE = TaggingEngine.loadDefault();

    @Test
    void taggedEventCarriesRedactedTextAndPiiTypesButNoPersonalData() {
        String text = "滨江区长河街道建议增设社区食堂，联系人：张伟，电话 138-0571-2345，邮箱 zhangwei@example.com";
        SuggestionSubmitted submitted = new SuggestionSubmitted(UUID.randomUUID(), "st-binjiang-01", "binjiang",
                "station",
                text, Instant.now(), Instant.now());
        UUID source = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        SuggestionTagged tagged = TaggedEventMapper.of(source, submitted, ENGINE.enrich(text, "binjiang"),
                new DedupIndex.Assignment(submitted.suggestionId().toString(), first.toString(), first.toString(),
                0.4));

        assertEquals(source, tagged.sourceEventId());
        assertEquals(submitted.suggestionId(), tagged.suggestionId());
        assertFalse(tagged.redactedText().contains("138"), tagged.redactedText());
        assertFalse(tagged.redactedText().contains("张伟"), tagged.redactedText());
        assertFalse(tagged.redactedText().contains("zhangwei@example.com"), tagged.redactedText());
        assertEquals(List.copyOf(new java.util.LinkedHashSet<>(tagged.piiTypes())), tagged.piiTypes(),
                "each type once");
        assertEquals(tagged.primaryTopic(), tagged.labels().getFirst());
        assertEquals(tagged.primaryTopic(), tagged.topics().getFirst().code());
        assertEquals(first, tagged.clusterFirstSuggestionId());
        assertEquals(EventIds.cluster(first), tagged.clusterId());
    }

    @Test
    void aLeftoverNumberIsMaskedRightBeforePublishingAndFlagsTheEvent() {
        String text = "公交站台缺少遮雨棚，建议增设";
        SuggestionSubmitted submitted = new SuggestionSubmitted(UUID.randomUUID(), "st-xihu-01", "xihu", "station",
                text, Instant.now(), Instant.now());
        Enrichment clean = ENGINE.enrich(text, "xihu");
        // As if a detector had missed a phone: the event builder must not rely on the engine's redaction.
        Enrichment leaky = new Enrichment(clean.primaryTopic(), clean.topics(), clean.labels(), false, clean.district(),
                text + "，电话13857162394", clean.pii(), List.of("遮雨棚", "13857162394"), clean.modelVersion(),
                clean.taxonomyVersion(), List.of(), List.of(), clean.language());
        UUID first = UUID.randomUUID();
        SuggestionTagged tagged = TaggedEventMapper.of(UUID.randomUUID(), submitted, leaky,
                new DedupIndex.Assignment(submitted.suggestionId().toString(), first.toString(), first.toString(),
                0.4));

        assertEquals(text + "，电话[号码]", tagged.redactedText());
        assertEquals(List.of("遮雨棚"), tagged.keywords());
        assertTrue(tagged.needsReview());
        assertEquals(List.of("residual-pii"), tagged.reviewReasons());
    }
}
