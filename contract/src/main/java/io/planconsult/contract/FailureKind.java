package io.planconsult.contract;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.RetriableException;

/**
 * What a failure to process a consumed record says about the record, which decides what every consumer does next
 * (README "Faults"):
 * <ul>
 * <li>{@link #POISON}: the record can never be processed (unreadable, fails the schema, breaks a rule): dead-letter it
 * with the reason and move on;</li>
 * <li>{@link #TRANSIENT}: the record is good but a resource is not (database or broker unreachable, connection reset,
 * lock timeout, deadlock): never dead-letter it; retry with backoff until the resource is back;</li>
 * <li>{@link #UNEXPECTED}: anything else, a bug or data the database refuses: retry a bounded number of times (a
 * concurrent first insert of the same row succeeds on the next try), then dead-letter it with {@link #describe}.</li>
 * </ul>
 * The cause chain decides: a persistence framework's lock or connection exception wraps the driver's
 * {@link SQLException}, whose state is read here, so this stays plain Java.
 */
public enum FailureKind {
    POISON, TRANSIENT, UNEXPECTED;

    /** SQLSTATE classes of a good statement that failed for a passing reason: connection (08), resources (53). */
    private static final Set<String> TRANSIENT_STATE_CLASSES = Set.of("08", "53");
    /**
     * Single states: a server shutting down or restarting (57P01-57P03), a cancelled statement or timeout (57014),
     * serialization failure and deadlock (40001, 40P01), lock not available (55P03).
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
            return TRANSIENT_STATES.contains(state)
                    || state.length() >= 2 && TRANSIENT_STATE_CLASSES.contains(state.substring(0, 2));
        }
        if (t instanceof SQLException && t.getMessage() != null && t.getMessage().contains("Acquisition timeout")) {
            return true; // the connection pool (Agroal) cannot hand out a connection: the database is unreachable
        }
        // A socket reset or refused connection, a timeout, a broker error the Kafka client itself calls retriable.
        return t instanceof IOException || t instanceof TimeoutException || t instanceof RetriableException;
    }

    /**
     * A dead-letter reason (and log text) for a failure: the exception's class and the first line of its message, cut
     * at 200 characters, and the root cause's class; never the record's text. Only the first line: a database's detail
     * lines ("Failing row contains (...)") quote the values of the row, which may be personal data.
     */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = failure.getMessage() == null ? "" : failure.getMessage().lines().findFirst().orElse("")
                .strip();
        String reason = failure.getClass().getName() + ": " + message.substring(0, Math.min(200, message.length()));
        return root == failure ? reason : reason + " (root " + root.getClass().getName() + ")";
    }
}
