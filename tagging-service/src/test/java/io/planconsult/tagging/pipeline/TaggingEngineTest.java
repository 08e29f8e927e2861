package io.planconsult.tagging.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TaggingEngineTest {

    private static final TaggingEngine ENGINE = TaggingEngine.loadDefault();

    @Test
    void enrichmentCarriesTopicsDistrictRedactionAndVersions() {
        String text = "我住在拱墅区大关路那边，楼下广场舞每天晚上放到十点多。联系人：王建华 13857162394";
        Enrichment e = ENGINE.enrich(text, null);
        assertEquals("other", e.primaryTopic());
        assertEquals(9, e.topics().size());
        assertEquals("gongshu", e.district());
        assertFalse(e.redactedText().contains("王建华"));
        assertFalse(e.redactedText().contains("13857162394"));
        assertTrue(e.redactedText().contains("[姓名]") && e.redactedText().contains("[电话]"));
        assertEquals(ENGINE.modelVersion(), e.modelVersion());
        assertEquals(ENGINE.taxonomyVersion(), e.taxonomyVersion());
    }

    @Test
    void emptyNullAndEnglishTextNeverThrow() {
        assertNotNull(ENGINE.enrich("", null));
        assertNotNull(ENGINE.enrich(null, null));
        Enrichment e = ENGINE.enrich("Hello! Is this form working? Thanks.", "xihu");
        assertEquals(9, e.topics().size());
        assertNull(e.district());
    }

    @Test
    void stationIsAPriorNotAnOverride() {
        assertEquals("xiaoshan", ENGINE.enrich("萧山机场国际航线太少", "binjiang").district());
    }

    @Test
    void concurrentCallsGiveTheSameAnswers() throws Exception {
        String text = "滨江的大模型企业算力贵，联系人刘静 13857162394";
        Enrichment expected = ENGINE.enrich(text, null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Enrichment>> results = pool.invokeAll(java.util.Collections.nCopies(32,
                    () -> ENGINE.enrich(text, null)));
            for (Future<Enrichment> f : results) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
