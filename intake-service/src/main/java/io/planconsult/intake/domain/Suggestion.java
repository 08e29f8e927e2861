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
}
