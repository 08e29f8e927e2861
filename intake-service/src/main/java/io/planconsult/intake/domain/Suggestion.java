package io.planconsult.intake.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** A suggestion as received: the raw text stays here, in the system of record. */
@Entity
public class Suggestion extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "station_id")
    public String stationId;
    public String channel;
    public String text;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Enumerated(EnumType.STRING)
    public SuggestionStatus status;
    @Column(name = "primary_topic")
    public String primaryTopic;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** 0 as submitted; each amendment adds one. */
    public int revision;
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;
    /** An analyst's tag; overrides {@link #primaryTopic} (the model's) wherever it is shown. */
    @Column(name = "human_primary_topic")
    public String humanPrimaryTopic;
    /** Comma-separated topic codes, the human primary first. */
    @Column(name = "human_labels")
    public String humanLabels;
    /** The near-duplicate cluster an analyst merged it into. */
    @Column(name = "merged_cluster_id")
    public UUID mergedClusterId;
    /** The text as the tagging service redacted it, for the current revision; {@code null} until it has. */
    @Column(name = "redacted_text")
    public String redactedText;
    /** An erasure asked for before the text was redacted: the raw text is replaced when the redacted text arrives. */
    @Column(name = "text_erasure_requested_at")
    public Instant textErasureRequestedAt;

    @Override
    public String toString() {
        return "Suggestion[id=" + id + ", station=" + stationId + ", status=" + status + ", revision=" + revision + "]";
    }
}
