package io.planconsult.tagging.topics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.planconsult.tagging.pipeline.Enrichment;
import io.planconsult.tagging.pipeline.TaggingEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordExtractorTest {

    @Test
    void boilerplateAndStopWordsNeverBecomeKeywords() {
        Enrichment e = TaggingEngine.loadDefault().enrich("建议十五五期间进一步加强算力券政策，扩大算力券覆盖面，支持大模型企业。", null);
        assertFalse(e.keywords().isEmpty());
        assertTrue(e.keywords().contains("算力券"), e.keywords().toString());
        for (String boiler : List.of("建议", "十五五", "进一步", "加强", "期间")) {
            assertFalse(e.keywords().contains(boiler), boiler);
        }
    }

    @Test
    void personalDataNeverBecomesAKeyword() {
        Enrichment e = TaggingEngine.loadDefault().enrich("楼下广场舞太吵。联系人：王建华 13857162394", null);
        assertFalse(e.keywords().stream().anyMatch(k -> k.contains("王建华") || k.contains("1385")),
                e.keywords().toString());
    }
}
