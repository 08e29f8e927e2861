package io.planconsult.reporting.messaging;

import io.planconsult.contract.FailureKind;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where each consumer is: the record it is on, since when, the attempt in flight and the last failure, so health can
 * tell a flowing stream from one stuck on a record (waiting out a database outage, or hung in a call).
 */
@ApplicationScoped
public class ConsumerProgress {

    /** One consumer's state; times are {@link System#nanoTime()}, 0 when idle. */
    static final class Channel {
        volatile long recordSince;
        volatile long attemptSince;
        volatile String lastFailure;
        volatile FailureKind lastFailureKind;
        final AtomicLong applied = new AtomicLong();
        final AtomicLong deadLettered = new AtomicLong();
        final AtomicLong retries = new AtomicLong();
    }

    /** What health reports about one consumer. */
    public record Status(String channel, Duration onRecordFor, Duration inAttemptFor, long applied, long deadLettered,
            long retries, FailureKind lastFailureKind, String lastFailure) {
    }

    private final Map<String, Channel> channels = new ConcurrentHashMap<>();

    void recordStarted(String channel) {
        Channel c = channel(channel);
        c.recordSince = System.nanoTime();
    }

    void attemptStarted(String channel) {
        channel(channel).attemptSince = System.nanoTime();
    }

    void attemptFailed(String channel, FailureKind kind, Throwable failure) {
        Channel c = channel(channel);
        c.attemptSince = 0;
        c.retries.incrementAndGet();
        c.lastFailureKind = kind;
        c.lastFailure = failure.getClass().getSimpleName();
    }

    /** The record is done: applied (or found applied), or dead-lettered. */
    void recordDone(String channel, boolean deadLettered) {
        Channel c = channel(channel);
        c.recordSince = 0;
        c.attemptSince = 0;
        (deadLettered ? c.deadLettered : c.applied).incrementAndGet();
    }

    public Map<String, Status> statuses() {
        long now = System.nanoTime();
        Map<String, Status> statuses = new java.util.TreeMap<>();
        channels.forEach((name, c) -> statuses.put(name, new Status(name, since(c.recordSince, now),
                since(c.attemptSince, now), c.applied.get(), c.deadLettered.get(), c.retries.get(), c.lastFailureKind,
                c.lastFailure)));
        return statuses;
    }

    private static Duration since(long start, long now) {
        return start == 0 ? Duration.ZERO : Duration.ofNanos(now - start);
    }

    private Channel channel(String name) {
        return channels.computeIfAbsent(name, n -> new Channel());
    }
}
