package io.planconsult.tagging.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the submitted-topic consumer is doing, for the health checks: the record in hand since when, whether it is
 * waiting out a transient failure, and when the last record was finished.
 */
@ApplicationScoped
public class ConsumerProgress {

    /** A record being processed, and the transient failure it waits on, if any. */
    record InHand(Instant since, String waitingOn) {
    }

    private final AtomicReference<InHand> inHand = new AtomicReference<>();
    private final AtomicLong finished = new AtomicLong();
    private volatile Instant lastFinishedAt = Instant.now();

    void started() {
        inHand.set(new InHand(Instant.now(), null));
    }

    void waiting(String failure) {
        InHand current = inHand.get();
        inHand.set(new InHand(current == null ? Instant.now() : current.since(), failure));
    }

    /** @param records how many records were finished (a batch's) */
    void finished(int records) {
        inHand.set(null);
        finished.addAndGet(records);
        lastFinishedAt = Instant.now();
    }

    long finishedCount() {
        return finished.get();
    }

    Instant lastFinishedAt() {
        return lastFinishedAt;
    }

    /** How long the record in hand has been held without progress, if there is one. */
    Optional<Duration> stalledFor(Instant now) {
        InHand current = inHand.get();
        return current == null ? Optional.empty() : Optional.of(Duration.between(current.since(), now));
    }

    Optional<String> waitingOn() {
        InHand current = inHand.get();
        return current == null ? Optional.empty() : Optional.ofNullable(current.waitingOn());
    }
}
