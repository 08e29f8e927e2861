package io.planconsult.tagging.tools.bench;

import io.planconsult.tagging.tools.data.Jsonl;
import io.planconsult.tagging.tools.data.LabelledSuggestion;
import io.planconsult.tagging.district.DistrictRecognizer;
import io.planconsult.tagging.district.Gazetteer;
import io.planconsult.tagging.pii.PiiDetector;
import io.planconsult.tagging.pipeline.TaggingEngine;
import io.planconsult.tagging.text.HanlpSegmenter;
import io.planconsult.tagging.topics.DomainWords;
import io.planconsult.tagging.topics.KeywordExtractor;
import io.planconsult.tagging.topics.KeywordScorer;
import io.planconsult.tagging.topics.LogisticModel;
import io.planconsult.tagging.topics.Taxonomy;
import io.planconsult.tagging.topics.TopicClassifier;
import io.planconsult.tagging.topics.TopicSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Microseconds per suggestion for each stage of enrichment, to find the hot spots.
 * <pre>StageProfile &lt;jsonl&gt; [rounds, default 5]</pre>
 * Each stage runs over the whole file once to warm up, then {@code rounds} times; the median round counts.
 */
public final class StageProfile {

    private StageProfile() {
    }

    public static void main(String[] args) {
        List<String> texts = Jsonl.read(Path.of(args[0])).stream().map(LabelledSuggestion::text).toList();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Taxonomy taxonomy = Taxonomy.loadDefault();
        Gazetteer gazetteer = Gazetteer.loadDefault();
        HanlpSegmenter segmenter = new HanlpSegmenter(DomainWords.of(taxonomy, gazetteer));
        LogisticModel model = LogisticModel.loadDefault();
        KeywordScorer scorer = new KeywordScorer(taxonomy);
        PiiDetector pii = PiiDetector.loadDefault();
        DistrictRecognizer districts = new DistrictRecognizer(gazetteer);
        KeywordExtractor keywords = new KeywordExtractor(KeywordExtractor.loadStopWords(), taxonomy, model.wordIdf(),
                model.unseenIdf(), 5);
        Map<String, List<String>> tokens = new LinkedHashMap<>();
        texts.forEach(t -> tokens.put(t, segmenter.segment(t)));

        Map<String, Consumer<String>> stages = new LinkedHashMap<>();
        stages.put("segment", segmenter::segment);
        stages.put("keyword scores", scorer::score);
        stages.put("model", t -> model.probabilities(t, tokens.get(t)));
        stages.put("pii", pii::detect);
        stages.put("district", t -> districts.recognise(t, null));
        stages.put("keywords", t -> keywords.extract(tokens.get(t), List.of()));
        TaggingEngine engine = TaggingEngine.loadDefault();
        stages.put("whole enrich", t -> engine.enrich(t, null));
        stages.put("segment again", segmenter::segment);
        stages.forEach((name, stage) -> System.out.printf(Locale.ROOT, "%-16s %7.1f µs%n", name,
                Benchmark.medianMicros(texts, rounds, stage)));

        // The same stages chained as enrich() chains them: caches are shared, as in production.
        TopicClassifier classifier = new TopicClassifier(scorer, model, TopicSettings.defaults());
        long[] nanos = new long[5];
        String[] names = {"segment", "classify", "pii", "district", "keywords"};
        for (int pass = 0; pass < 30 + rounds * 3; pass++) {
            for (String t : texts) {
                long t0 = System.nanoTime();
                List<String> toks = segmenter.segment(t);
                long t1 = System.nanoTime();
                classifier.classify(t, toks);
                long t2 = System.nanoTime();
                var spans = pii.detect(t);
                long t3 = System.nanoTime();
                districts.recognise(t, null);
                long t4 = System.nanoTime();
                keywords.extract(toks, spans.stream().map(s -> t.substring(s.start(), s.end())).toList());
                long t5 = System.nanoTime();
                if (pass >= 30) {
                    nanos[0] += t1 - t0;
                    nanos[1] += t2 - t1;
                    nanos[2] += t3 - t2;
                    nanos[3] += t4 - t3;
                    nanos[4] += t5 - t4;
                }
            }
        }
        double calls = (double) rounds * 3 * texts.size();
        for (int i = 0; i < names.length; i++) {
            System.out.printf(Locale.ROOT, "chained %-10s %7.1f µs%n", names[i], nanos[i] / calls / 1e3);
        }
    }
}
