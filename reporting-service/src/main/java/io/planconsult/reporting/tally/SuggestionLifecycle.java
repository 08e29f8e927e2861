package io.planconsult.reporting.tally;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.planconsult.contract.EventIds;
import io.planconsult.contract.SuggestionRetagged;
import io.planconsult.contract.SuggestionTagged;
import io.planconsult.contract.SuggestionWithdrawn;

/**
 * The rules that make a suggestion's stored state independent of the order its events arrive in (and of
 * redeliveries), as the contract defines them:
 * <ul>
 * <li>model tagging: the highest revision wins; of two taggings of one revision (which the contract never produces),
 * the greater event id, so the outcome still does not depend on order;</li>
 * <li>human tag (re-tag): the highest correction sequence wins, and it overrides the model's tagging of any revision;</li>
 * <li>cluster merge: the highest merge sequence wins, and it overrides the engine's cluster of any revision;</li>
 * <li>withdrawal: final; the suggestion counts nowhere, whatever arrives later.</li>
 * </ul>
 * A correction or withdrawal that arrives before the tagged event leaves a placeholder ({@code tagged = false}) that
 * counts nowhere until the tagging arrives. Each method returns whether it changed the state.
 */
public final class SuggestionLifecycle {

    private SuggestionLifecycle() {
    }

    /** A row for a suggestion no event has been applied to yet. */
    public static TaggedSuggestion placeholder(UUID suggestionId) {
        TaggedSuggestion row = new TaggedSuggestion();
        row.suggestionId = suggestionId;
        row.tagged = false;
        row.revision = 0;
        return row;
    }

    public static boolean tag(TaggedSuggestion row, UUID eventId, SuggestionTagged e) {
        boolean newer = !row.tagged || e.revision() > row.revision
                || e.revision() == row.revision && (row.taggingEventId == null || eventId.compareTo(row.taggingEventId) > 0);
        if (!newer) {
            return false;
        }
        row.tagged = true;
        row.revision = e.revision();
        row.taggingEventId = eventId;
        row.stationId = e.stationId();
        row.stationDistrict = e.stationDistrict();
        row.textDistrict = e.textDistrict();
        row.subjectDistrict = e.textDistrict() != null ? e.textDistrict() : e.stationDistrict();
        row.channel = e.channel();
        row.redactedText = e.redactedText();
        row.submittedAt = e.submittedAt();
        row.modelVersion = e.modelVersion();
        row.taxonomyVersion = e.taxonomyVersion();
        row.needsReview = e.needsReview();
        row.keywords = e.keywords() == null ? null : String.join(",", e.keywords());
        row.modelPrimaryTopic = e.primaryTopic();
        row.modelLabels = String.join(",", labels(e.primaryTopic(), e.labels()));
        row.modelClusterId = e.clusterId() != null ? e.clusterId() : EventIds.cluster(e.suggestionId());
        if (row.mergeSequence == null) {
            row.clusterFirstSuggestionId = e.clusterFirstSuggestionId() != null ? e.clusterFirstSuggestionId() : e.suggestionId();
        }
        resolve(row);
        return true;
    }

    public static boolean withdraw(TaggedSuggestion row, SuggestionWithdrawn e) {
        if (row.withdrawn) {
            return false;
        }
        row.withdrawn = true;
        row.withdrawnAt = e.withdrawnAt() != null ? e.withdrawnAt() : Instant.now();
        return true;
    }

    public static boolean retag(TaggedSuggestion row, SuggestionRetagged e) {
        if (row.humanSequence != null && e.sequence() <= row.humanSequence) {
            return false;
        }
        row.humanSequence = e.sequence();
        row.humanPrimaryTopic = e.primaryTopic();
        row.humanLabels = String.join(",", labels(e.primaryTopic(), e.labels()));
        resolve(row);
        return true;
    }

    public static boolean merge(TaggedSuggestion row, long sequence, UUID clusterId, UUID clusterFirstSuggestionId) {
        if (row.mergeSequence != null && sequence <= row.mergeSequence) {
            return false;
        }
        row.mergeSequence = sequence;
        row.clusterId = clusterId;
        row.clusterFirstSuggestionId = clusterFirstSuggestionId;
        resolve(row);
        return true;
    }

    /**
     * Folds into {@code into} the state {@code other} holds, as if the events behind both had been applied to one row:
     * each part keeps the winner its rule picks (model tagging by revision then event id, human tag and merge by
     * sequence, withdrawal final), so combining is order-independent like applying events. A rebuild uses it to join
     * the state it replayed with what live consumption stored meanwhile.
     *
     * @return whether {@code into} changed
     */
    public static boolean combine(TaggedSuggestion into, TaggedSuggestion other) {
        boolean tagging = other.tagged && (!into.tagged || other.revision > into.revision || other.revision == into.revision
                && other.taggingEventId != null && (into.taggingEventId == null || other.taggingEventId.compareTo(into.taggingEventId) > 0));
        boolean human = other.humanSequence != null && (into.humanSequence == null || other.humanSequence > into.humanSequence);
        boolean merge = other.mergeSequence != null && (into.mergeSequence == null || other.mergeSequence > into.mergeSequence);
        boolean withdrawal = other.withdrawn && !into.withdrawn;
        if (tagging) {
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
            into.keywords = other.keywords;
            into.modelPrimaryTopic = other.modelPrimaryTopic;
            into.modelLabels = other.modelLabels;
            into.modelClusterId = other.modelClusterId;
            if (into.mergeSequence == null && other.mergeSequence == null) {
                // No merge on either side: the first suggestion of the cluster is the winning tagging's.
                into.clusterFirstSuggestionId = other.clusterFirstSuggestionId;
            }
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

    /** The effective columns the tallies and reports read: human over model, merge over engine. */
    static void resolve(TaggedSuggestion row) {
        boolean human = row.humanSequence != null;
        row.primaryTopic = human ? row.humanPrimaryTopic : row.modelPrimaryTopic;
        row.labels = human ? row.humanLabels : row.modelLabels;
        if (row.mergeSequence == null) {
            row.clusterId = row.modelClusterId;
        }
    }

    /** Primary first, each label once. */
    static List<String> labels(String primary, List<String> labels) {
        java.util.LinkedHashSet<String> ordered = new java.util.LinkedHashSet<>();
        ordered.add(primary);
        if (labels != null) {
            ordered.addAll(labels);
        }
        return List.copyOf(ordered);
    }
}
