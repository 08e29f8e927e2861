package io.planconsult.intake.forum;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A forum whose minutes were imported. The deputies' names live in {@code forum_deputy}, never here or in an event. */
@Entity
public class Forum extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    @Column(name = "held_on")
    public LocalDate heldOn;
    public String district;
    /** The station named by the import; {@code null} when it named a district. */
    @Column(name = "station_id")
    public String stationId;
    /** The station its suggestions are filed under. */
    @Column(name = "host_station_id")
    public String hostStationId;
    public int participants;
    @Column(name = "deputies_present")
    public int deputiesPresent;
    @Column(name = "created_at")
    public Instant createdAt;
}
