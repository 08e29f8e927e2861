package io.planconsult.reporting.tally;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.planconsult.contract.EventIds;
import io.planconsult.contract.ReviewReasons;
import io.planconsult.contract.SuggestionRetagged;
import io.planconsult.contract.SuggestionTagged;
import io.planconsult.contract.SuggestionWithdrawn;
import io.planconsult.contract.SuggestionsMerged;

/**
 * The reporting lifecycle, written once. What an event says about a suggestion is a partial state
 * ({@link #tagged}, {@link #withdrawn}, {@link #retagged}, {@link #merged}); {@link #apply} joins it into the stored
 * state and yields the tally changes. Joining keeps, part by part, the winner the contract's rules pick:
 * <ul>
 * <li>model tagging: the highest revision wins; of two taggings of one revision (which the contract never produces),
 * the greater event id, so the outcome still does not depend on order;</li>
 * <li>human tag (re-tag): the highest correction sequence wins, and it overrides the model's tagging of any
 * revision;</li>
 * <li>cluster merge: the highest merge sequence wins, and it overrides the engine's cluster of any revision;</li>
 * <li>withdrawal: final; the suggestion counts nowhere, whatever arrives later.</li>
 * </ul>
 * The join is commutative, associative and idempotent, so the live ledger (one event at a time), a replay (folded in
 * memory) and a rebuild joining its fold with what live consumption stored (a stored state is joined like an event's)
 * all end in the same state whatever the order and the redeliveries. A correction or withdrawal that arrives before
 * the tagged event leaves a state with {@code tagged = false}, which counts nowhere until the tagging arrives.
 */
public final class SuggestionLifecycle {

    private SuggestionLifecycle() {
    }

    /**
     * Joins {@code incoming} (an event's partial state, or a stored state) into {@code state}, stamps the change with
     * {@code incoming}'s last event id, and yields what the change does to the tallies.
     *
     * @return the tally changes (possibly none, as for a withdrawn suggestion's re-tag), or empty if the state did not
     *         change
     */
    public static Optional<TallyArithmetic.Changes> apply(TaggedSuggestion state, TaggedSuggestion incoming) {
        Contribution before = Contribution.of(state);
        if (!join(state, incoming)) {
            return Optional.empty();
        }
        state.lastEventId = incoming.lastEventId;
        state.updatedAt = Instant.now();
        return Optional.of(TallyArithmetic.diff(before, Contribution.of(state)));
    }

    /** A state no event has been applied to yet. */
    public static TaggedSuggestion placeholder(UUID suggestionId) {
        TaggedSuggestion row = new TaggedSuggestion();
        row.suggestionId = suggestionId;
        row.tagged = false;
        row.revision = 0;
        return row;
    }

    static TaggedSuggestion tagged(UUID eventId, SuggestionTagged e) {
        TaggedSuggestion s = said(e.suggestionId(), eventId);
        s.tagged = true;
        s.revision = e.revision();
        s.taggingEventId = eventId;
        s.stationId = e.stationId();
        s.stationDistrict = e.stationDistrict();
        s.textDistrict = e.textDistrict();
        s.subjectDistrict = e.textDistrict() != null ? e.textDistrict() : e.stationDistrict();
        s.channel = e.channel();
        s.redactedText = e.redactedText();
        s.submittedAt = e.submittedAt();
        s.modelVersion = e.modelVersion();
        s.taxonomyVersion = e.taxonomyVersion();
        s.needsReview = e.needsReview();
        s.reviewReasons = e.reviewReasons().isEmpty() ? null : String.join(",", e.reviewReasons());
        s.keywords = e.keywords() == null ? null : String.join(",", e.keywords());
        s.points = StoredPoints.encode(e.points());
        s.modelPrimaryTopic = e.primaryTopic();
        s.modelLabels = String.join(",", labels(e.primaryTopic(), e.labels()));
        s.modelClusterId = e.clusterId() != null ? e.clusterId() : EventIds.cluster(e.suggestionId());
        s.clusterFirstSuggestionId = e.clusterFirstSuggestionId() != null ? e.clusterFirstSuggestionId()
                : e.suggestionId();
        return s;
    }

    static TaggedSuggestion withdrawn(UUID eventId, SuggestionWithdrawn e) {
        TaggedSuggestion s = said(e.suggestionId(), eventId);
        s.withdrawn = true;
        s.withdrawnAt = e.withdrawnAt() != null ? e.withdrawnAt() : Instant.now();
        return s;
    }

    static TaggedSuggestion retagged(UUID eventId, SuggestionRetagged e) {
        TaggedSuggestion s = said(e.suggestionId(), eventId);
        s.humanSequence = e.sequence();
        s.humanPrimaryTopic = e.primaryTopic();
        s.humanLabels = String.join(",", labels(e.primaryTopic(), e.labels()));
        return s;
    }

    static TaggedSuggestion merged(UUID eventId, UUID suggestionId, SuggestionsMerged e) {
        TaggedSuggestion s = said(suggestionId, eventId);
        s.mergeSequence = e.sequence();
        s.clusterId = e.clusterId();
        s.clusterFirstSuggestionId = e.clusterFirstSuggestionId();
        return s;
    }

    private static TaggedSuggestion said(UUID suggestionId, UUID eventId) {
        TaggedSuggestion s = placeholder(suggestionId);
        s.lastEventId = eventId;
        return s;
    }

    /**
     * Folds into {@code into} what {@code other} holds, as if the events behind both had been applied to one state:
     * each part keeps the winner its rule picks.
     *
     * @return whether {@code into} changed
     */
    static boolean join(TaggedSuggestion into, TaggedSuggestion other) {
        boolean tagging = other.tagged && (!into.tagged || other.revision > into.revision
                || other.revision == into.revision && other.taggingEventId != null
                        && (into.taggingEventId == null || other.taggingEventId.compareTo(into.taggingEventId) > 0));
        boolean human = other.humanSequence != null
                && (into.humanSequence == null || other.humanSequence > into.humanSequence);
        boolean merge = other.mergeSequence != null
                && (into.mergeSequence == null || other.mergeSequence > into.mergeSequence);
        boolean withdrawal = other.withdrawn && !into.withdrawn;
        if (tagging) {
            takeTagging(into, other);
        }
        if (human) {
            into.humanSequence = other.humanSequence;
            into.humanPrimaryTopic = other.humanPrimaryTopic;
            into.humanLabels = other.humanLabels;
        }
        if (merge) {
            into.mergeSequence = other.mergeSequence;
            into.clusterId = other.clusterId;
            into.clusterFirstSuggestionId = other.clusterFirstSuggestionId;
        }
        if (withdrawal) {
            into.withdrawn = true;
            into.withdrawnAt = other.withdrawnAt;
        }
        if (!(tagging || human || merge || withdrawal)) {
            return false;
        }
        resolve(into);
        return true;
    }

    private static void takeTagging(TaggedSuggestion into, TaggedSuggestion other) {
        into.tagged = true;
        into.revision = other.revision;
        into.taggingEventId = other.taggingEventId;
        into.stationId = other.stationId;
        into.stationDistrict = other.stationDistrict;
        into.textDistrict = other.textDistrict;
        into.subjectDistrict = other.subjectDistrict;
        into.channel = other.channel;
        into.redactedText = other.redactedText;
        into.submittedAt = other.submittedAt;
        into.modelVersion = other.modelVersion;
        into.taxonomyVersion = other.taxonomyVersion;
        into.needsReview = other.needsReview;
        into.reviewReasons = other.reviewReasons;
        into.keywords = other.keywords;
        into.points = other.points;
        into.modelPrimaryTopic = other.modelPrimaryTopic;
        into.modelLabels = other.modelLabels;
        into.modelClusterId = other.modelClusterId;
        if (into.mergeSequence == null && other.mergeSequence == null) {
            // No merge on either side: the first suggestion of the cluster is the winning tagging's.
            into.clusterFirstSuggestionId = other.clusterFirstSuggestionId;
        }
    }

    /**
     * The effective columns the tallies and reports read: human over model, merge over engine. A text the engine judged
     * not a suggestion counts under {@link Contribution#NOT_A_SUGGESTION}, apart from the topics, until an analyst
     * re-tags it.
     */
    static void resolve(TaggedSuggestion row) {
        boolean human = row.humanSequence != null;
        boolean notASuggestion = !human && row.hasReviewReason(ReviewReasons.NOT_A_SUGGESTION);
        row.primaryTopic = human ? row.humanPrimaryTopic
                : notASuggestion ? Contribution.NOT_A_SUGGESTION : row.modelPrimaryTopic;
        row.labels = human ? row.humanLabels : notASuggestion ? Contribution.NOT_A_SUGGESTION : row.modelLabels;
        if (row.mergeSequence == null) {
            row.clusterId = row.modelClusterId;
        }
    }

    /** Primary first, each label once. */
    static List<String> labels(String primary, List<String> labels) {
        LinkedHashSet<String> ordered = new LinkedHashSet<>();
        ordered.add(primary);
        if (labels != null) {
            ordered.addAll(labels);
        }
        return List.copyOf(ordered);
    }
}
