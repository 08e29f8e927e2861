package io.planconsult.intake.forum;

/** Where an import job is. */
public enum ImportStatus {
    /** Stored with its rows; waiting for a worker. */
    QUEUED,
    /**
     * A worker holds its lease and is storing rows in chunks; after a crash the lease expires and a worker resumes it.
     */
    RUNNING,
    /** Every row was stored or rejected; the report is final and the forum event is in the outbox. */
    COMPLETED,
    /** Given up after too many interrupted attempts; rows not yet processed were discarded and are counted as such. */
    FAILED
}
