package io.planconsult.tagging.pipeline;

import io.planconsult.tagging.district.DistrictRecognizer;
import io.planconsult.tagging.points.PointSplitter;
import io.planconsult.tagging.text.Segmenter;
import io.planconsult.tagging.text.TextNormalizer;
import io.planconsult.tagging.topics.KeywordExtractor;
import io.planconsult.tagging.topics.Taxonomy;
import io.planconsult.tagging.topics.TopicClassifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tags each point of a multi-point text on its own, from the redacted text, so a speech that covers
 * three areas reaches all three, each with its own passage, keywords and district.
 */
final class PointTagger {

    private final Segmenter segmenter;
    private final TopicClassifier topics;
    private final DistrictRecognizer districts;
    private final KeywordExtractor keywords;

    PointTagger(Segmenter segmenter, TopicClassifier topics, DistrictRecognizer districts, KeywordExtractor keywords) {
        this.segmenter = segmenter;
        this.topics = topics;
        this.districts = districts;
        this.keywords = keywords;
    }

    List<Enrichment.Point> tag(String redacted, List<PointSplitter.Span> spans, String stationDistrict) {
        List<Enrichment.Point> points = new ArrayList<>(spans.size());
        for (PointSplitter.Span span : spans) {
            String folded = TextNormalizer.fold(redacted.substring(span.start(), span.end()));
            List<String> tokens = segmenter.segment(folded);
            TopicClassifier.Result result = topics.classify(folded, tokens);
            points.add(new Enrichment.Point(span.start(), span.end(), result.primary(), result.labels(),
                    districts.recognise(folded, stationDistrict), keywords.extract(tokens, List.of())));
        }
        return points;
    }

    /**
     * The suggestion's labels: its own, then every point's primary area. When the text as a whole reads as
     * "other" but its points name areas, the area most of its points share leads instead.
     */
    static List<String> union(List<String> whole, List<Enrichment.Point> points) {
        Set<String> labels = new LinkedHashSet<>();
        if (Taxonomy.OTHER.equals(whole.getFirst())) {
            String leading = mostCommonArea(points);
            if (leading != null) {
                labels.add(leading);
            }
        }
        labels.addAll(whole);
        points.forEach(p -> labels.add(p.primaryTopic()));
        if (labels.size() > 1) {
            labels.remove(Taxonomy.OTHER);
        }
        return List.copyOf(labels);
    }

    static long distinctAreas(List<Enrichment.Point> points) {
        return points.stream().map(Enrichment.Point::primaryTopic).filter(t -> !Taxonomy.OTHER.equals(t)).distinct()
                .count();
    }

    private static String mostCommonArea(List<Enrichment.Point> points) {
        Map<String, Integer> counts = new HashMap<>();
        String best = null;
        for (Enrichment.Point p : points) {
            if (Taxonomy.OTHER.equals(p.primaryTopic())) {
                continue;
            }
            int n = counts.merge(p.primaryTopic(), 1, Integer::sum);
            if (best == null || n > counts.get(best)) {
                best = p.primaryTopic();
            }
        }
        return best;
    }
}
