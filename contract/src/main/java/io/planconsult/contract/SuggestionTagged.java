package io.planconsult.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A suggestion enriched by the tagging service. Published on {@link Topics#SUGGESTIONS_TAGGED}
 * (public): it carries redacted text only.
 *
 * @param sourceEventId   id of the {@link SuggestionSubmitted} event this was derived from
 * @param textDistrict    the district the text names, or {@code null} when it names none
 * @param topics          every area with a score in [0,1], best first; {@code primaryTopic} is the first
 * @param labels          the areas the suggestion is counted under: the primary, then a second one where the text
 *                        clearly has one (tallies count mentions over these)
 * @param redactedText    the text with personal data replaced by typed placeholders such as {@code [电话]}
 * @param piiTypes        the kinds of personal data that were redacted (no values, no offsets)
 * @param needsReview     the engine is unsure (weak best topic or a close second): an analyst should look
 * @param keywords        the suggestion's salient words, most salient first (never personal data)
 * @param clusterId       the near-duplicate cluster it belongs to ({@link EventIds#cluster}): a cluster of 12
 *                        rewordings is one point raised 12 times
 * @param clusterFirstSuggestionId the cluster's first suggestion (this one's own id when it starts the cluster)
 * @param revision        the revision of the suggestion this tagging is of: 0 for the submission, n after the nth
 *                        amendment ({@link SuggestionAmended}); a consumer keeps the highest it has seen
 * @param reviewReasons   why {@code needsReview} is set, where known (for example {@code residual-pii}: personal
 *                        data was masked by the last check before publishing); empty when absent (optional field)
 */
public record SuggestionTagged(
        UUID suggestionId,
        UUID sourceEventId,
        String stationId,
        String stationDistrict,
        String channel,
        Instant submittedAt,
        String primaryTopic,
        List<TopicScore> topics,
        List<String> labels,
        String textDistrict,
        String redactedText,
        List<String> piiTypes,
        String modelVersion,
        String taxonomyVersion,
        boolean needsReview,
        List<String> keywords,
        UUID clusterId,
        UUID clusterFirstSuggestionId,
        int revision,
        List<String> reviewReasons) {

    public SuggestionTagged {
        reviewReasons = reviewReasons == null ? List.of() : List.copyOf(reviewReasons);
    }

    /** A tagging without review reasons (the fields before {@code reviewReasons} was added). */
    public SuggestionTagged(UUID suggestionId, UUID sourceEventId, String stationId, String stationDistrict,
            String channel, Instant submittedAt, String primaryTopic, List<TopicScore> topics, List<String> labels,
            String textDistrict, String redactedText, List<String> piiTypes, String modelVersion,
            String taxonomyVersion, boolean needsReview, List<String> keywords, UUID clusterId,
            UUID clusterFirstSuggestionId, int revision) {
        this(suggestionId, sourceEventId, stationId, stationDistrict, channel, submittedAt, primaryTopic, topics,
                labels, textDistrict, redactedText, piiTypes, modelVersion, taxonomyVersion, needsReview, keywords,
                clusterId, clusterFirstSuggestionId, revision, List.of());
    }

    /** One area's score. */
    public record TopicScore(String code, double score) {
    }
}
