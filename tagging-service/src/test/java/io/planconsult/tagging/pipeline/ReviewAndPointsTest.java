package io.planconsult.tagging.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.planconsult.contract.ReviewReasons;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewAndPointsTest {

    private static final TaggingEngine ENGINE = TaggingEngine.loadDefault();

    @Test
    void aSpeechCoveringThreeAreasIsSplitIntoPointsEachTaggedWithItsPassage() {
        String text = "本人作为政协委员，就十五五规划发言如下：一是建议加快建设智能算力中心，设立算力券，支持大模型企业"
                + "训练和AI应用场景开放；二是建议加快推进老旧小区改造和加装电梯，完善地铁与公交的接驳；"
                + "三是建议加强涉外法律服务，培育涉外律所，完善知识产权保护和纠纷调解机制。";
        Enrichment e = ENGINE.enrich(text, null);
        List<String> topics = e.points().stream().map(Enrichment.Point::primaryTopic).toList();
        assertEquals(List.of("ai", "urban", "rule-of-law"), topics, e.points().toString());
        assertTrue(e.labels().containsAll(topics), e.labels().toString());
        assertTrue(e.reviewReasons().contains(ReviewReasons.MULTI_POINT));
        Enrichment.Point second = e.points().get(1);
        assertTrue(e.redactedText().substring(second.start(), second.end()).startsWith("二是建议加快推进老旧小区"));
    }

    @Test
    void aGreetingIsOtherAndFlaggedNotASuggestion() {
        Enrichment e = ENGINE.enrich("您好，请问这个征集平台什么时候截止？提交后有人回复吗？", null);
        assertEquals("other", e.primaryTopic());
        assertEquals(List.of("other"), e.labels());
        assertEquals(List.of(ReviewReasons.NOT_A_SUGGESTION), e.reviewReasons());
        assertTrue(e.needsReview());
    }

    @Test
    void anEnglishComplaintAboutParkingIsTaggedUrbanThroughEnglishKeywords() {
        Enrichment e = ENGINE.enrich("There is almost no parking near the metro station in Binjiang, and the "
                + "bus routes to the old town are too few. Please build a car park and add buses.", null);
        assertEquals("en", e.language());
        assertEquals("urban", e.primaryTopic());
        assertFalse(e.reviewReasons().contains(ReviewReasons.FOREIGN_LANGUAGE), e.reviewReasons().toString());
    }

    @Test
    void englishTextWithNoKnownAreaIsFlaggedForeignLanguage() {
        Enrichment e = ENGINE.enrich("My neighbour's dog barks all night and nobody answers my letters about it.",
                null);
        assertEquals("en", e.language());
        assertTrue(e.reviewReasons().contains(ReviewReasons.FOREIGN_LANGUAGE), e.reviewReasons().toString());
    }

    @Test
    void reasonsAreListedInTheQueuesOrderAndMatchNeedsReview() {
        Enrichment e = ENGINE.enrich("嗯", null);
        assertEquals(!e.reviewReasons().isEmpty(), e.needsReview());
        assertEquals(ReviewReasons.ALL.stream().filter(e.reviewReasons()::contains).toList(), e.reviewReasons());
    }
}
