package io.planconsult.tagging.messaging;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A source event already tagged, with the tagged event it produced (redacted text only). */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {

    @Id
    @Column(name = "source_event_id")
    public String sourceEventId;
    @Column(name = "suggestion_id")
    public String suggestionId;
    @Column(name = "tagged_event_id")
    public String taggedEventId;
    /** The tagged event's JSON body, byte for byte as first published. */
    public String body;
    @Column(name = "processed_at")
    public Instant processedAt;
}
