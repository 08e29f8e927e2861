package io.planconsult.tagging.pipeline;

import io.planconsult.tagging.pii.PiiSpan;
import io.planconsult.tagging.topics.TopicScore;
import java.util.List;

/**
 * Everything the tagging engine derives from one suggestion.
 *
 * @param primaryTopic    best topic code
 * @param topics          all taxonomy codes including {@code other}, score in [0,1], best first
 * @param labels          primary first, then a second topic where the text clearly has one
 * @param needsReview     true when the engine is unsure and an analyst should look
 * @param district        district named in the text, or null
 * @param redactedText    the text with personal data replaced by placeholders
 * @param pii             personal data found, offsets into the original text
 * @param keywords        the suggestion's salient words, most salient first
 * @param modelVersion    version of the statistical model that scored the topics
 * @param taxonomyVersion version of the taxonomy data the codes come from
 * @param reviewReasons   why {@code needsReview} is set, where known (e.g. {@code residual-pii}); may be empty
 */
public record Enrichment(String primaryTopic, List<TopicScore> topics, List<String> labels, boolean needsReview, String district,
        String redactedText, List<PiiSpan> pii, List<String> keywords, String modelVersion, String taxonomyVersion,
        List<String> reviewReasons) {

    public Enrichment {
        topics = List.copyOf(topics);
        labels = List.copyOf(labels);
        pii = List.copyOf(pii);
        keywords = List.copyOf(keywords);
        reviewReasons = reviewReasons == null ? List.of() : List.copyOf(reviewReasons);
    }

    /** Without review reasons. */
    public Enrichment(String primaryTopic, List<TopicScore> topics, List<String> labels, boolean needsReview,
            String district, String redactedText, List<PiiSpan> pii, List<String> keywords, String modelVersion,
            String taxonomyVersion) {
        this(primaryTopic, topics, labels, needsReview, district, redactedText, pii, keywords, modelVersion,
                taxonomyVersion, List.of());
    }
}
