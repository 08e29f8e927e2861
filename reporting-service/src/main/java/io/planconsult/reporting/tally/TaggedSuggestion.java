package io.planconsult.reporting.tally;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The latest state of a suggestion as the reporting side knows it (redacted text only). {@code primaryTopic},
 * {@code labels} and {@code clusterId} are the effective values the tallies count: an analyst's over the model's.
 * See V2__lifecycle_and_reports.sql and {@link SuggestionLifecycle} for how each field is kept order-independent.
 */
@Entity
@Table(name = "tagged_suggestion")
public class TaggedSuggestion extends PanacheEntityBase {

    @Id
    @Column(name = "suggestion_id")
    public UUID suggestionId;
    @Column(name = "station_id")
    public String stationId;
    @Column(name = "station_district")
    public String stationDistrict;
    @Column(name = "text_district")
    public String textDistrict;
    @Column(name = "subject_district")
    public String subjectDistrict;
    public String channel;
    @Column(name = "primary_topic")
    public String primaryTopic;
    /** Comma-separated topic codes, primary first. */
    public String labels;
    @Column(name = "redacted_text")
    public String redactedText;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "model_version")
    public String modelVersion;
    @Column(name = "taxonomy_version")
    public String taxonomyVersion;
    @Column(name = "last_event_id")
    public UUID lastEventId;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Highest revision whose tagging is stored (0 = as submitted). */
    public int revision;
    /** Withdrawn suggestions count nowhere; withdrawal is final. */
    public boolean withdrawn;
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;
    /** False while only a correction or withdrawal has arrived and the tagged event has not. */
    public boolean tagged = true;
    @Column(name = "model_primary_topic")
    public String modelPrimaryTopic;
    @Column(name = "model_labels")
    public String modelLabels;
    @Column(name = "human_primary_topic")
    public String humanPrimaryTopic;
    @Column(name = "human_labels")
    public String humanLabels;
    @Column(name = "human_sequence")
    public Long humanSequence;
    @Column(name = "needs_review")
    public boolean needsReview;

    /** Comma-separated codes of {@code contract.ReviewReasons}; null on rows tagged before them. */
    @Column(name = "review_reasons")
    public String reviewReasons;
    /** Comma-separated, most salient first. */
    public String keywords;
    /** A long text's points as JSON ({@link StoredPoints}); null when the text was not split. */
    public String points;
    @Column(name = "model_cluster_id")
    public UUID modelClusterId;
    @Column(name = "cluster_id")
    public UUID clusterId;
    @Column(name = "cluster_first_suggestion_id")
    public UUID clusterFirstSuggestionId;
    @Column(name = "merge_sequence")
    public Long mergeSequence;

    /** Flagged by the tagging service and not yet settled by an analyst's re-tag: what the review queue lists. */
    public boolean awaitsReview() {
        return needsReview && humanSequence == null;
    }

    /** Whether the tagging service's reasons include {@code reason}. */
    public boolean hasReviewReason(String reason) {
        return reviewReasons != null && Arrays.asList(reviewReasons.split(",")).contains(reason);
    }

    public List<String> labelList() {
        return labels == null || labels.isEmpty() ? List.of() : Arrays.asList(labels.split(","));
    }

    /** The tagged event whose model tagging is stored: of two taggings of the same revision, the greater id is kept. */
    @Column(name = "tagging_event_id")
    public UUID taggingEventId;
}
