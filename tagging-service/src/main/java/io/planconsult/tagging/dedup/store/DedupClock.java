package io.planconsult.tagging.dedup.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row every insertion locks, so instances add suggestions one at a time. */
@Entity
@Table(name = "dedup_clock")
public class DedupClock extends PanacheEntityBase {

    @Id
    public int id;
    @Column(name = "last_position")
    public long lastPosition;
}
