package io.planconsult.intake.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * What a failed send says about its row. A row is blamed only when the broker demonstrably works: Kafka refused the
 * record itself (a non-retriable error such as an invalid topic or a record too large), or other records of the same
 * batch were acknowledged. A broker outage blames no row, so an outage never parks anything: the relay just backs off.
 */
public final class SendFailure {

    private SendFailure() {
    }

    /** @param othersAcknowledged whether the broker acknowledged other records of the same batch */
    public static boolean blamesTheRow(Throwable failure, boolean othersAcknowledged) {
        return othersAcknowledged || refusedByKafka(failure);
    }

    /** A Kafka error that retrying the same record cannot cure. */
    static boolean refusedByKafka(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriableException) {
                return false;
            }
            if (t instanceof KafkaException) {
                return true;
            }
        }
        return false;
    }

    /** The failure's kind only: a message could quote the payload, which may hold personal data. */
    public static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause instanceof ExecutionException || cause instanceof CompletionException)) {
            cause = cause.getCause();
        }
        String text = cause.getClass().getSimpleName();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    /** When a blamed row is tried again: 0.5 s after its first failure, doubling, at most {@code max}. */
    public static Instant retryAt(int attempts, Instant now, Duration max) {
        long millis = 500L << Math.min(Math.max(attempts - 1, 0), 20);
        return now.plus(Duration.ofMillis(Math.min(millis, max.toMillis())));
    }
}
