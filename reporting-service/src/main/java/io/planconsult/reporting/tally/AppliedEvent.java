package io.planconsult.reporting.tally;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event whose effect is in the tallies; its id makes a redelivery a no-op. */
@Entity
@Table(name = "applied_event")
public class AppliedEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "applied_at")
    public Instant appliedAt;
}
