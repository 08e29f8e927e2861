package io.planconsult.tagging.messaging;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import io.planconsult.contract.PoisonRecordException;

/**
 * Sorts a failure into what the consumer does next (README "Delivery guarantees"): a poison record can never
 * succeed and goes
 * to the dead-letter topic; a transient one (database or broker unavailable, lock timeout, connection reset) will
 * succeed later and must never be dead-lettered; anything else is a bug, retried a few times, then dead-lettered.
 */
enum Failures {
    POISON, TRANSIENT, UNEXPECTED;

    /** SQLState classes that mean "try again later": connection, insufficient resources, operator intervention. */
    private static final Set<String> TRANSIENT_STATE_CLASSES = Set.of("08", "53", "57");
    /** PostgreSQL: serialisation, deadlock, lock not available; H2: lock and query timeouts, connection broken. */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "HYT00", "HYT01", "90067",
            "90098", "90121");

    static Failures of(Throwable failure) {
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
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException || t instanceof ConnectException
                || t instanceof SocketException || t instanceof SocketTimeoutException
                || t instanceof org.apache.kafka.common.errors.RetriableException
                || t instanceof java.util.concurrent.TimeoutException
                || t instanceof jakarta.persistence.LockTimeoutException
                || t instanceof jakarta.persistence.PessimisticLockException
                || t instanceof jakarta.persistence.QueryTimeoutException
                || t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof org.hibernate.exception.LockAcquisitionException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return TRANSIENT_STATES.contains(state)
                    || state.length() >= 2 && TRANSIENT_STATE_CLASSES.contains(state.substring(0, 2));
        }
        // Agroal's pool reports an unreachable database as a plain SQLException without a state.
        return t instanceof SQLException && t.getMessage() != null && t.getMessage().contains("Acquisition timeout");
    }

    /** A dead-letter reason for a bug: the exception's class and message, cut short; never the record's text. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(failure.getMessage());
        String reason = failure.getClass().getName() + ": " + message.substring(0, Math.min(200, message.length()));
        return root == failure ? reason : reason + " (root " + root.getClass().getName() + ")";
    }
}
