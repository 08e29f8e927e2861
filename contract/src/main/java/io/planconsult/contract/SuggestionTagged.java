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
 * @param reviewReasons   why {@code needsReview} is set ({@link ReviewReasons}); empty when it is not. Added in
 *                        place (optional): events written before it read as empty
 * @param points          a long text's separate proposals, each tagged on its own; empty for a single point
 * @param language        the language the text was read as: {@code zh}, {@code en}, {@code pinyin}, {@code und};
 *                        {@code null} on events written before it
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
        List<String> reviewReasons,
        List<Point> points,
        String language) {

    public SuggestionTagged {
        reviewReasons = reviewReasons == null ? List.of() : List.copyOf(reviewReasons);
        points = points == null ? List.of() : List.copyOf(points);
    }

    /** A tagging without review reasons, points or language, as events were before those fields. */
    public SuggestionTagged(UUID suggestionId, UUID sourceEventId, String stationId, String stationDistrict,
            String channel, Instant submittedAt, String primaryTopic, List<TopicScore> topics, List<String> labels,
            String textDistrict, String redactedText, List<String> piiTypes, String modelVersion,
            String taxonomyVersion, boolean needsReview, List<String> keywords, UUID clusterId,
            UUID clusterFirstSuggestionId, int revision) {
        this(suggestionId, sourceEventId, stationId, stationDistrict, channel, submittedAt, primaryTopic, topics,
                labels, textDistrict, redactedText, piiTypes, modelVersion, taxonomyVersion, needsReview, keywords,
                clusterId, clusterFirstSuggestionId, revision, List.of(), List.of(), null);
    }

    /** True when the tagging service judged the text a greeting, a test or the like rather than a suggestion. */
    public boolean notASuggestion() {
        return reviewReasons.contains(ReviewReasons.NOT_A_SUGGESTION);
    }

    /**
     * One proposal of a long text. Offsets are into {@code redactedText}, end exclusive.
     *
     * @param clusterId the near-duplicate cluster of the passage; the suggestion's own cluster for now
     */
    public record Point(int start, int end, String primaryTopic, List<String> labels, String textDistrict,
            List<String> keywords, UUID clusterId) {
    }

    /** One area's score. */
    public record TopicScore(String code, double score) {
    }
}
