package io.planconsult.reporting.tally;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A forum whose minutes were imported (from {@code ForumRecorded} events): counts only, no names. */
@Entity
@Table(name = "forum")
public class Forum extends PanacheEntityBase {

    @Id
    @Column(name = "forum_id")
    public UUID forumId;
    public String name;
    @Column(name = "held_on")
    public LocalDate heldOn;
    public String district;
    @Column(name = "station_id")
    public String stationId;
    public int participants;
    @Column(name = "deputies_present")
    public int deputiesPresent;
    @Column(name = "suggestion_count")
    public int suggestionCount;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
