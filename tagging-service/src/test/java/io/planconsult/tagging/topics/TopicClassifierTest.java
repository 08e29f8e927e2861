package io.planconsult.tagging.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.planconsult.tagging.district.Gazetteer;
import io.planconsult.tagging.text.HanlpSegmenter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicClassifierTest {

    private static final Taxonomy TAXONOMY = Taxonomy.loadDefault();
    private static final HanlpSegmenter SEGMENTER =
            new HanlpSegmenter(DomainWords.of(TAXONOMY, Gazetteer.loadDefault()));
    private static final TopicClassifier KEYWORDS_ONLY =
            new TopicClassifier(new KeywordScorer(TAXONOMY), null, TopicSettings.defaults());

    @Test
    void taxonomyIsVersionedDataWithNineAreasAndThirtyKeywordsEach() {
        assertEquals(List.of("industry", "ai", "opening", "consumption", "culture", "gaps", "urban", "rule-of-law",
                "other"), TAXONOMY.codes());
        assertTrue(TAXONOMY.version() != null && !TAXONOMY.version().isBlank());
        TAXONOMY.areas().forEach(a -> assertTrue(a.keywords().size() >= 30, a.code()));
    }

    @ParameterizedTest
    @CsvSource({"建议扩大算力券覆盖面，支持大模型企业,ai", "推动先进制造业集群补链强链，建设标准厂房,industry",
            "多开国际航线，发展跨境电商和数字贸易,opening", "发展夜间经济，打造国际消费中心城市,consumption",
            "支持网络文学和微短剧出海,culture", "提高乡村医生待遇，缩小城乡差距,gaps", "加快老旧小区改造和加装电梯,urban",
            "规范涉企行政检查，加强知识产权保护,rule-of-law", "楼下广场舞噪音太大,other"})
    void keywordsPointToTheirArea(String text, String expected) {
        assertEquals(expected, KEYWORDS_ONLY.classify(text, List.of()).primary());
    }

    @Test
    void greetingsAndTestsAreOther() {
        assertEquals("other", KEYWORDS_ONLY.classify("测试一下，能提交吗？谢谢", List.of()).primary());
        assertEquals("other", KEYWORDS_ONLY.classify("祝杭州越来越好！", List.of()).primary());
    }

    @Test
    void everyCodeIsScoredBetweenZeroAndOneBestFirst() {
        List<TopicScore> scores = KEYWORDS_ONLY.classify("发展低空经济", List.of()).scores();
        assertEquals(9, scores.size());
        for (int i = 0; i < scores.size(); i++) {
            assertTrue(scores.get(i).score() >= 0 && scores.get(i).score() <= 1);
            if (i > 0) {
                assertTrue(scores.get(i - 1).score() >= scores.get(i).score());
            }
        }
    }

    @Test
    void aSecondTopicIsReportedWhenClearlyPresent() {
        TopicClassifier.Result r = KEYWORDS_ONLY.classify("制定人工智能大模型应用的地方性法规，明确算法备案和执法责任", List.of());
        assertEquals(2, r.labels().size(), r.toString());
        assertTrue(r.labels().containsAll(List.of("ai", "rule-of-law")));
    }

    @Test
    void textNamingNoAreaNeedsReview() {
        assertTrue(KEYWORDS_ONLY.classify("嗯嗯", List.of()).needsReview()
                || KEYWORDS_ONLY.classify("嗯嗯", List.of()).primary().equals("other"));
        TopicClassifier strict = new TopicClassifier(new KeywordScorer(TAXONOMY), null,
                TopicSettings.defaults().withReview(0.99, 0.0));
        assertTrue(strict.classify("建议扩大算力券覆盖面", List.of()).needsReview());
    }

    @ParameterizedTest
    @CsvSource({"希望引进更多海外高校来杭合作办学,opening", "建议提高乡镇医生待遇,gaps", "支持本地企业研发通用具身大脑,industry"})
    void theTrainedModelTagsWordingNoKeywordListNames(String text, String expected) {
        List<String> tokens = SEGMENTER.segment(text);
        assertEquals("other", KEYWORDS_ONLY.classify(text, tokens).primary(), "the keywords alone do not see it");
        TopicClassifier blended = new TopicClassifier(new KeywordScorer(TAXONOMY), LogisticModel.loadDefault(),
                TopicSettings.defaults());
        assertEquals(expected, blended.classify(text, tokens).primary());
    }

    /** A model of fixed opinion: all but {@code share} of its belief on one area. */
    private static TopicModel sureOf(String code, double share) {
        return new TopicModel() {
            public String version() {
                return "sure-of-" + code;
            }

            public List<String> codes() {
                return TAXONOMY.codes();
            }

            public double[] probabilities(String text, List<String> tokens) {
                double[] p = new double[TAXONOMY.codes().size()];
                java.util.Arrays.fill(p, (1 - share) / (p.length - 1));
                p[TAXONOMY.indexOf(code)] = share;
                return p;
            }
        };
    }

    @Test
    void aKeywordVoteTheModelOverrulesIsFlaggedWhateverTheScores() {
        String text = "发展夜间经济，打造国际消费中心城市";
        TopicSettings noScoreFlags = TopicSettings.defaults().withReview(0.0, 0.0).withReviewOnDisagreement(true);
        TopicClassifier.Result disagreeing = new TopicClassifier(new KeywordScorer(TAXONOMY), sureOf("urban", 0.9),
                noScoreFlags).classify(text, SEGMENTER.segment(text));
        assertEquals(List.of("low-confidence"), disagreeing.reasons(), disagreeing.scores().toString());
        TopicClassifier.Result agreeing = new TopicClassifier(new KeywordScorer(TAXONOMY),
                sureOf("consumption", 0.9), noScoreFlags).classify(text, SEGMENTER.segment(text));
        assertEquals(List.of(), agreeing.reasons());
        TopicClassifier.Result off = new TopicClassifier(new KeywordScorer(TAXONOMY), sureOf("urban", 0.9),
                noScoreFlags.withReviewOnDisagreement(false)).classify(text, SEGMENTER.segment(text));
        assertEquals(List.of(), off.reasons(), "the rule can be turned off");
        assertTrue(!TopicSettings.defaults().reviewOnDisagreement(), "off by default: it did not improve the queue");
        TopicClassifier.Result silent = new TopicClassifier(new KeywordScorer(TAXONOMY), sureOf("urban", 0.9),
                noScoreFlags).classify("楼下广场舞噪音太大", SEGMENTER.segment("楼下广场舞噪音太大"));
        assertEquals(List.of(), silent.reasons(), "keywords that name no area cast no vote to overrule");
    }

    @Test
    void englishTextGetsASensibleTag() {
        assertEquals("opening", KEYWORDS_ONLY.classify(
                "Please simplify work permits and visas for foreign engineers.", List.of()).primary());
    }
}
