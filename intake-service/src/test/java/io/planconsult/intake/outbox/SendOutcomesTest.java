package io.planconsult.intake.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

/** How the relay judges a batch's sends: acknowledged, failed, or left unsettled when it is interrupted. */
class SendOutcomesTest {

    private static final long LATER = Duration.ofSeconds(30).toNanos();

    private static CompletableFuture<Void> acked() {
        return CompletableFuture.completedFuture(null);
    }

    private static CompletableFuture<Void> refused() {
        return CompletableFuture.failedFuture(new RecordTooLargeException("too large"));
    }

    @Test
    void eachSendIsAcknowledgedFailedOrTimedOut() {
        SendOutcomes<String> outcomes = SendOutcomes.await(List.of("a", "b", "c"),
                List.of(acked(), refused(), new CompletableFuture<>()), System.nanoTime() + 50_000_000L);
        assertEquals(List.of("a"), outcomes.acknowledged());
        assertInstanceOf(RecordTooLargeException.class, outcomes.failed().get("b"));
        assertInstanceOf(TimeoutException.class, outcomes.failed().get("c"), "no answer by the deadline: failed");
        assertEquals(List.of(), outcomes.unsettled());
    }

    @Test
    void anInterruptedWaitLeavesThePendingSendsUnsettledNotFailed() throws Exception {
        CompletableFuture<Void> pending = new CompletableFuture<>();
        CompletableFuture<Void> pendingToo = new CompletableFuture<>();
        AtomicReference<SendOutcomes<String>> result = new AtomicReference<>();
        AtomicReference<Boolean> flagKept = new AtomicReference<>();
        Thread relay = new Thread(() -> {
            result.set(SendOutcomes.await(List.of("a", "b", "c", "d"),
                    List.of(acked(), pending, refused(), pendingToo), System.nanoTime() + LATER));
            flagKept.set(Thread.currentThread().isInterrupted());
        });
        relay.start();
        Thread.sleep(200); // the relay now waits on "b"
        relay.interrupt();
        relay.join(Duration.ofSeconds(10));
        assertFalse(relay.isAlive(), "an interrupted relay stops waiting at once");
        SendOutcomes<String> outcomes = result.get();
        assertEquals(List.of("a"), outcomes.acknowledged());
        assertEquals(List.of("b", "d"), outcomes.unsettled(), "Kafka may still deliver them: neither failed nor sent "
                + "again");
        assertEquals(List.of("c"), List.copyOf(outcomes.failed().keySet()), "a send already answered is judged");
        assertTrue(flagKept.get(), "the interrupt is passed on");
    }
}
