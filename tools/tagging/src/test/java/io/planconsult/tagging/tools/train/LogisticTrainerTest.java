package io.planconsult.tagging.tools.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.planconsult.tagging.tools.data.LabelledSuggestion;
import io.planconsult.tagging.text.HanlpSegmenter;
import io.planconsult.tagging.text.Segmenter;
import io.planconsult.tagging.topics.LogisticHyper;
import io.planconsult.tagging.topics.LogisticModel;
import io.planconsult.tagging.topics.ModelFile;
import io.planconsult.tagging.topics.Taxonomy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogisticTrainerTest {

    private static final Segmenter SEGMENTER = new HanlpSegmenter(List.of());
    private static final Taxonomy TAXONOMY = new Taxonomy("t-1", "test", List.of(
            new Taxonomy.Area("ai", "AI", "AI", Map.of("算力", 3.0, "大模型", 3.0)),
            new Taxonomy.Area("urban", "城市", "Urban", Map.of("地铁", 3.0, "老旧小区", 3.0)),
            new Taxonomy.Area("other", "其他", "Other", Map.of("噪音", 3.0))));
    private static final List<LabelledSuggestion> ROWS = List.of(
            row("r1", "建议扩大算力券覆盖面，支持企业用算", "ai"),
            row("r2", "希望多建算力中心，降低企业用算成本", "ai"),
            row("r3", "地铁末班车太早，建议延长运营时间", "urban"),
            row("r4", "早高峰地铁太挤，希望加密班次", "urban"),
            row("r5", "楼下广场舞噪音太大，晚上睡不着", "other"),
            row("r6", "装修噪音从早到晚，希望管一管", "other"),
            row("r7", "老旧小区加装电梯进度太慢，地铁站也远", "urban", "ai"));

    private static LabelledSuggestion row(String id, String text, String... topics) {
        return new LabelledSuggestion(id, text, null, List.of(topics), List.of(), "citizen", null);
    }

    @Test
    void retrainingOnTheSameRowsGivesTheSameFile() {
        ModelFile a = LogisticTrainer.train(ROWS, TAXONOMY, SEGMENTER, LogisticHyper.defaults());
        ModelFile b = LogisticTrainer.train(ROWS, TAXONOMY, SEGMENTER, LogisticHyper.defaults());
        assertEquals(a.checksum(), b.checksum());
        assertEquals(a.version(), b.version());
        assertArrayEquals(a.bias(), b.bias());
        assertEquals(ModelFile.contentChecksum(a), a.checksum());
        assertEquals(7, a.documents());
        assertEquals(5, a.keywordDocuments());
    }

    @Test
    void changedKeywordsChangeTheTrainingChecksum() {
        Taxonomy more = new Taxonomy("t-2", "test", List.of(
                new Taxonomy.Area("ai", "AI", "AI", Map.of("算力", 3.0, "大模型", 3.0, "智算", 3.0)),
                TAXONOMY.areas().get(1), TAXONOMY.areas().get(2)));
        assertTrue(!LogisticTrainer.trainingChecksum(ROWS, TAXONOMY)
                .equals(LogisticTrainer.trainingChecksum(ROWS, more)));
    }

    @Test
    void learnsTheLabelledAreas() {
        LogisticModel model = new LogisticModel(LogisticTrainer.train(ROWS, TAXONOMY, SEGMENTER,
                LogisticHyper.defaults()));
        assertBest(model, "ai", "算力券能不能多发一点");
        assertBest(model, "urban", "地铁班次太少了");
        assertBest(model, "other", "半夜噪音扰民");
    }

    @Test
    void keywordDocumentsCarryTheModelToWordingNoRowUsed() {
        // No labelled row mentions 大模型; only the taxonomy does.
        String text = "支持大模型企业发展";
        LogisticModel without = new LogisticModel(LogisticTrainer.train(ROWS, TAXONOMY, SEGMENTER,
                LogisticHyper.defaults().withKeywordDocWeight(0)));
        LogisticModel with = new LogisticModel(LogisticTrainer.train(ROWS, TAXONOMY, SEGMENTER,
                LogisticHyper.defaults()));
        int ai = TAXONOMY.indexOf("ai");
        double pWithout = without.probabilities(text, SEGMENTER.segment(text))[ai];
        double pWith = with.probabilities(text, SEGMENTER.segment(text))[ai];
        assertTrue(pWith > pWithout + 0.1, pWithout + " -> " + pWith);
        assertBest(with, "ai", text);
    }

    @Test
    void probabilitiesSumToOneEvenForTextTheModelKnowsNothingOf() {
        LogisticModel model = new LogisticModel(LogisticTrainer.train(ROWS, TAXONOMY, SEGMENTER,
                LogisticHyper.defaults()));
        double[] p = model.probabilities("hello world", SEGMENTER.segment("hello world"));
        assertEquals(1.0, java.util.Arrays.stream(p).sum(), 1e-9);
    }

    private static void assertBest(LogisticModel model, String code, String text) {
        double[] p = model.probabilities(text, SEGMENTER.segment(text));
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        assertEquals(code, model.codes().get(best), text + " " + java.util.Arrays.toString(p));
    }
}
