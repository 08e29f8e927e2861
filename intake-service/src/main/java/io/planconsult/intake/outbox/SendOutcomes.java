package io.planconsult.intake.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What became of a batch's sends: acknowledged by Kafka, failed (with the failure), or unsettled. A send is unsettled
 * when the relay's thread is interrupted (the service stopping) before Kafka answered: the record may still be
 * delivered, so its row must keep its lease rather than be released for another relay to send again.
 *
 * @param <T> what was sent (an outbox row)
 */
record SendOutcomes<T>(List<T> acknowledged, Map<T, Throwable> failed, List<T> unsettled) {

    /**
     * Waits for each send until {@code deadlineNanos} ({@link System#nanoTime()}); a send still pending then has
     * failed with a {@link TimeoutException}. Once interrupted it no longer waits: the sends already answered are
     * judged, the others are unsettled, and the thread's interrupt flag is set again.
     */
    static <T> SendOutcomes<T> await(List<T> sent, List<CompletableFuture<Void>> acks, long deadlineNanos) {
        List<T> acknowledged = new ArrayList<>(sent.size());
        Map<T, Throwable> failed = new LinkedHashMap<>();
        List<T> unsettled = new ArrayList<>();
        boolean interrupted = false;
        for (int i = 0; i < sent.size(); i++) {
            T item = sent.get(i);
            CompletableFuture<Void> ack = acks.get(i);
            if (interrupted && !ack.isDone()) {
                unsettled.add(item);
                continue;
            }
            try {
                ack.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(item);
            } catch (InterruptedException e) {
                interrupted = true;
                if (ack.isDone()) {
                    i--; // judge this one again without waiting
                } else {
                    unsettled.add(item);
                }
            } catch (ExecutionException e) {
                failed.put(item, e.getCause() == null ? e : e.getCause());
            } catch (TimeoutException | RuntimeException e) {
                failed.put(item, e);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new SendOutcomes<>(acknowledged, failed, unsettled);
    }
}
