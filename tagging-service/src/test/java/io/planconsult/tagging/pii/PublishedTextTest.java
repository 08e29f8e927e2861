package io.planconsult.tagging.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.planconsult.tagging.pipeline.Enrichment;
import io.planconsult.tagging.pipeline.TaggingEngine;
import io.planconsult.tagging.text.TextNormalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 11 parts 1-2: what the engine publishes comes from the redacted text, and the guard flags what is left. */
class PublishedTextTest {

    private static final TaggingEngine ENGINE = TaggingEngine.loadDefault();

    @Test
    void wordsOverlappingPersonalDataNeverBecomeKeywordWords() {
        String text = "联系人王建华说停车难";
        List<String> words = Redaction.outside(text, List.of(new PiiSpan(PiiDetector.NAME, 3, 6)),
                List.of("联系人", "人王", "王建华", "建华", "说", "停车难"));
        assertEquals(List.of("联系人", "说", "停车难"), words);
    }

    @Test
    void keywordsAreWordsOfTheRedactedTextOnly() {
        Enrichment e = ENGINE.enrich("我叫欧阳建华今年六十岁，建议社区增设老年食堂和助餐点，微信ouyang_jh88", null);
        String published = TextNormalizer.fold(e.redactedText());
        assertFalse(e.keywords().isEmpty());
        for (String k : e.keywords()) {
            assertTrue(published.contains(k), k + " not in " + published);
            assertFalse(k.contains("建华") || k.contains("欧阳") || k.contains("ouyang"), k);
        }
    }

    @Test
    void aNumberTheDetectorsMissIsMaskedAndTheSuggestionFlaggedForReview() {
        Enrichment e = ENGINE.enrich("建议加快老旧小区加装电梯，业务编号12345678901234567890123。", null);
        assertEquals("建议加快老旧小区加装电梯，业务编号[号码]。", e.redactedText());
        assertTrue(e.needsReview());
        assertEquals(List.of(ResidualGuard.REASON), e.reviewReasons());
    }

    @Test
    void aCleanSuggestionHasNoResidualReason() {
        Enrichment e = ENGINE.enrich("2025年起建议每年新增停车位15000个，10 km绿道连通社区。", null);
        assertEquals(List.of(), e.reviewReasons());
        assertTrue(e.redactedText().contains("2025年") && e.redactedText().contains("15000个"));
    }
}
