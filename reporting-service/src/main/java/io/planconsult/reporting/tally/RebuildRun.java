package io.planconsult.reporting.tally;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A rebuild of the read model from the topics, with its progress; in the database so any instance can report it. */
@Entity
@Table(name = "rebuild_run")
public class RebuildRun extends PanacheEntityBase {

    public enum State {
        /** Replaying records below the end offsets captured at its start. */
        RUNNING,
        /** Every record below those end offsets is applied; live consumption carries on from there. */
        CAUGHT_UP,
        /** Stopped by an error or the timeout; the reason is in {@code failure} (never record text). */
        FAILED
    }

    @Id
    @Column(name = "run_id")
    public UUID runId;
    @Column(name = "consumer_group")
    public String consumerGroup;
    @Enumerated(EnumType.STRING)
    public State state;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "caught_up_at")
    public Instant caughtUpAt;
    /** Records between the beginning and the end offsets captured at the start, over every partition replayed. */
    @Column(name = "records_target")
    public long recordsTarget;
    @Column(name = "records_done")
    public long recordsDone;
    /** Records that could not be applied (they went to the dead-letter topic when first consumed). */
    @Column(name = "records_skipped")
    public long recordsSkipped;
    /** {@code topic-partition=offset,...}: where the run is caught up. */
    @Column(name = "end_offsets")
    public String endOffsets;
    public String failure;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
