package io.planconsult.tagging.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.planconsult.tagging.district.Gazetteer;
import io.planconsult.tagging.text.HanlpSegmenter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureIndexTest {

    private static final List<String> TEXTS = List.of(
            "建议扩大算力券覆盖面，把中小企业和高校科研团队纳入申领范围。",
            "ＡＩ诈骗现在太多了，政府能不能管管这些AI换脸换声的？",
            "千岛湖旺季酒店价格翻三四倍，建议推出淡季消费券。",
            "I'm a British teacher. Please add English to the city's AI assistants.");

    @Test
    void servingRowsAreExactlyTheTrainingFeaturesTheModelKnows() {
        LogisticModel model = LogisticModel.loadDefault();
        List<String> features = new ArrayList<>(model.file().weights().keySet());
        FeatureIndex index = new FeatureIndex(features);
        HanlpSegmenter segmenter = new HanlpSegmenter(DomainWords.of(Taxonomy.loadDefault(), Gazetteer.loadDefault()));
        for (String text : TEXTS) {
            List<String> tokens = segmenter.segment(text);
            int[] expected = TopicFeatures.of(text, tokens).stream().mapToInt(features::indexOf).filter(r -> r >= 0)
                    .sorted().toArray();
            assertArrayEquals(expected, index.rows(text, tokens), text);
            assertArrayEquals(model.probabilities(TopicFeatures.of(text, tokens)), model.probabilities(text, tokens),
                    1e-12);
        }
    }

    @Test
    void everyBigramTheModelKnowsIsFoundDespiteTheFilterBeforeTheTable() {
        List<String> features = new ArrayList<>(LogisticModel.loadDefault().file().weights().keySet());
        FeatureIndex index = new FeatureIndex(features);
        int bigrams = 0;
        for (int row = 0; row < features.size(); row++) {
            String f = features.get(row);
            if (f.startsWith(TopicFeatures.NGRAM)) {
                bigrams++;
                assertArrayEquals(new int[] {row}, index.rows(f.substring(TopicFeatures.NGRAM.length()), List.of()), f);
            }
        }
        assertEquals(true, bigrams > 1_000, "the model has " + bigrams + " bigrams");
    }

    @Test
    void unknownFeaturesHaveNoRow() {
        FeatureIndex index = new FeatureIndex(List.of("w:算力", "c:算力"));
        assertEquals(0, index.row("w:算力"));
        assertEquals(1, index.row("c:算力"));
        assertEquals(-1, index.row("w:算力券"));
        assertEquals(-1, index.row("c:力券"));
        assertEquals(-1, index.row("x:anything"));
    }
}
