package io.planconsult.reporting.messaging;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.planconsult.contract.PoisonRecordException;

/**
 * What a failure to apply a record says about the record, which decides what happens to it:
 * <ul>
 * <li>{@link #POISON}: the record can never be applied (unreadable, fails the schema, breaks a rule): dead-letter it
 * with the reason and move on;</li>
 * <li>{@link #TRANSIENT}: the record is good but a resource is not (database or broker unreachable, connection reset,
 * lock timeout, deadlock): never dead-letter it; retry it with backoff until the resource is back;</li>
 * <li>{@link #UNEXPECTED}: anything else, a bug or data the database refuses: retry a bounded number of times (a
 * concurrent first insert of the same row succeeds on the next try), then dead-letter it with the exception's class
 * and message, and keep consuming.</li>
 * </ul>
 */
public enum FailureKind {
    POISON, TRANSIENT, UNEXPECTED;

    /**
     * SQLSTATE values of a good statement that failed for a passing reason: connection exceptions (class 08),
     * insufficient resources (53), operator intervention such as a server restart (57P01-57P03), a cancelled
     * statement (57014), serialization failure and deadlock (40001, 40P01), lock not available (55P03).
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "57014", "40001", "40P01",
            "55P03");

    public static FailureKind of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonRecordException) {
                return POISON;
            }
            if (isTransient(t)) {
                return TRANSIENT;
            }
        }
        return UNEXPECTED;
    }

    private static boolean isTransient(Throwable t) {
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.startsWith("53") || TRANSIENT_STATES.contains(state);
        }
        // A connection pool that cannot hand out a connection in time (Agroal's acquisition timeout), a socket reset,
        // a lock or query timeout (JPA), a retriable Kafka error.
        return t instanceof TimeoutException || t instanceof IOException
                || t instanceof jakarta.persistence.LockTimeoutException
                || t instanceof jakarta.persistence.PessimisticLockException
                || t instanceof jakarta.persistence.QueryTimeoutException
                || t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof org.hibernate.exception.LockAcquisitionException
                || t instanceof org.apache.kafka.common.errors.RetriableException;
    }
}
