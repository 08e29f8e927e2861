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

/** The latest tagged state of a suggestion, as the reporting side knows it (redacted text only). */
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

    public List<String> labelList() {
        return labels == null || labels.isEmpty() ? List.of() : Arrays.asList(labels.split(","));
    }

    Contribution contribution() {
        return Contribution.of(stationDistrict, textDistrict, primaryTopic, labelList());
    }
}
