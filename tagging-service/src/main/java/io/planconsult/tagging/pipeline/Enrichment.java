package io.planconsult.tagging.pipeline;

import io.planconsult.tagging.pii.PiiSpan;
import io.planconsult.tagging.topics.TopicScore;
import java.util.List;

/**
 * Everything the tagging engine derives from one suggestion.
 *
 * @param primaryTopic    best topic code
 * @param topics          all taxonomy codes including {@code other}, score in [0,1], best first
 * @param labels          primary first, then a clear second topic and the areas of the text's other points
 * @param needsReview     true when the engine is unsure and an analyst should look
 * @param district        district named in the text, or null
 * @param redactedText    the text with personal data replaced by placeholders
 * @param pii             personal data found, offsets into the original text
 * @param keywords        the suggestion's salient words, most salient first
 * @param modelVersion    version of the statistical model that scored the topics
 * @param taxonomyVersion version of the taxonomy data the codes come from
 * @param reviewReasons   why {@code needsReview} is set (codes of {@code contract.ReviewReasons}); empty when it is not
 * @param points          the text's separate proposals, offsets into {@code redactedText}; empty for a single point
 * @param language        the language the text was read as ({@code zh}, {@code en}, {@code pinyin}, {@code und})
 */
public record Enrichment(String primaryTopic, List<TopicScore> topics, List<String> labels, boolean needsReview,
        String district, String redactedText, List<PiiSpan> pii, List<String> keywords, String modelVersion,
        String taxonomyVersion, List<String> reviewReasons, List<Point> points, String language) {

    /** One proposal of a longer text, tagged on its own. */
    public record Point(int start, int end, String primaryTopic, List<String> labels, String district,
            List<String> keywords) {

        public Point {
            labels = List.copyOf(labels);
            keywords = List.copyOf(keywords);
        }
    }

    public Enrichment {
        topics = List.copyOf(topics);
        labels = List.copyOf(labels);
        pii = List.copyOf(pii);
        keywords = List.copyOf(keywords);
        reviewReasons = reviewReasons == null ? List.of() : List.copyOf(reviewReasons);
        points = points == null ? List.of() : List.copyOf(points);
    }
}
