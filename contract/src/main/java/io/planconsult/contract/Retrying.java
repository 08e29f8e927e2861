package io.planconsult.contract;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The retry rule every consumer follows, decided by {@link FailureKind} (README "Faults"): a transient failure is
 * retried with capped exponential backoff (full jitter, so instances that failed together do not retry together) for
 * as long as it lasts; a poison record's failure is thrown at once; an unexpected one is retried up to
 * {@code unexpectedAttempts} tries in all, then thrown as an {@link UnexpectedFailureException}. A failure while the
 * service stops is no verdict on the record (the database pool, the ORM or the container are going away under it):
 * it ends the run as an {@link InterruptedException}, so the record is left unacknowledged for the next owner instead
 * of being retried into the dead-letter topic.
 *
 * @param firstBackoff       the wait after the first failure
 * @param maxBackoff         the longest wait
 * @param unexpectedAttempts tries in all for an unexpected failure (1: give up at the first, e.g. a batch that is then
 *                           handled one record at a time)
 * @param stopping           whether the service is stopping (see above)
 */
public record Retrying(Duration firstBackoff, Duration maxBackoff, int unexpectedAttempts, BooleanSupplier stopping) {

    /** Told of every failed try: to log it, count it, or report the consumer's health. */
    @FunctionalInterface
    public interface Observer {
        /**
         * @param retryInMillis how long until the next try, or -1 when the failure is thrown (poison, or unexpected
         *                      for the last time)
         */
        void failed(FailureKind kind, RuntimeException failure, long retryInMillis);
    }

    public Retrying {
        if (firstBackoff.isNegative() || firstBackoff.isZero() || maxBackoff.compareTo(firstBackoff) < 0
                || unexpectedAttempts < 1 || stopping == null) {
            throw new IllegalArgumentException("backoff must be positive and at most the maximum; attempts at least 1");
        }
    }

    /** The rule for a service that never stops (a tool, a test). */
    public Retrying(Duration firstBackoff, Duration maxBackoff, int unexpectedAttempts) {
        this(firstBackoff, maxBackoff, unexpectedAttempts, () -> false);
    }

    /** The same rule with another number of tries for an unexpected failure. */
    public Retrying withUnexpectedAttempts(int attempts) {
        return new Retrying(firstBackoff, maxBackoff, attempts, stopping);
    }

    /**
     * {@link #run} for a consumer that dead-letters what fails for good: runs {@code work} until it succeeds.
     *
     * @return null once it succeeded, or the failure to dead-letter the record with (poison at once, unexpected after
     *         {@code unexpectedAttempts} tries)
     * @throws StoppingException when the service stops meanwhile: the record is let go unacknowledged
     */
    public RuntimeException failureOf(Runnable work, Observer observer) {
        try {
            run(() -> {
                work.run();
                return null;
            }, observer);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoppingException();
        } catch (RuntimeException e) {
            return e;
        }
    }

    /**
     * Runs {@code work} until it returns.
     *
     * @throws RuntimeException            the poison failure, at once
     * @throws UnexpectedFailureException after {@code unexpectedAttempts} unexpected failures
     * @throws InterruptedException        when the thread is interrupted while it waits, or a try fails while the
     *                                     service stops
     */
    public <T> T run(Supplier<T> work, Observer observer) throws InterruptedException {
        long backoff = firstBackoff.toMillis();
        int unexpected = 0;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (stopping.getAsBoolean()) {
                    throw new InterruptedException("stopping; the failed try (" + e.getClass().getSimpleName()
                            + ") is left to the record's next owner");
                }
                FailureKind kind = FailureKind.of(e);
                if (kind == FailureKind.POISON) {
                    observer.failed(kind, e, -1);
                    throw e;
                }
                if (kind == FailureKind.UNEXPECTED && ++unexpected >= unexpectedAttempts) {
                    observer.failed(kind, e, -1);
                    throw e instanceof UnexpectedFailureException u ? u : new UnexpectedFailureException(e, unexpected);
                }
                observer.failed(kind, e, backoff);
                Thread.sleep(backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
                backoff = Math.min(maxBackoff.toMillis(), backoff * 2);
            }
        }
    }
}
