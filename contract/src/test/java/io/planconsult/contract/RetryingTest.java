package io.planconsult.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RetryingTest {

    private final Retrying rule = new Retrying(Duration.ofMillis(2), Duration.ofMillis(8), 3);
    private final List<String> seen = new ArrayList<>();
    private final Retrying.Observer observer = (kind, failure, retryIn) -> seen.add(kind + "/" + retryIn);

    @Test
    void aTransientFailureIsRetriedWithGrowingCappedBackoffUntilItGoesThrough() throws InterruptedException {
        AtomicInteger tries = new AtomicInteger();
        String result = rule.run(() -> {
            if (tries.incrementAndGet() < 6) {
                throw new IllegalStateException("down", new ConnectException("refused"));
            }
            return "done";
        }, observer);
        assertEquals("done", result);
        assertEquals(List.of("TRANSIENT/2", "TRANSIENT/4", "TRANSIENT/8", "TRANSIENT/8", "TRANSIENT/8"), seen,
                "more transient failures than unexpected attempts, still retried");
    }

    @Test
    void aFailureWhileTheServiceStopsLeavesTheRecordInsteadOfGivingItUp() {
        AtomicInteger tries = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        Retrying whileRunning = new Retrying(Duration.ofMillis(2), Duration.ofMillis(8), 3, stopping::get);
        assertThrows(InterruptedException.class, () -> whileRunning.run(() -> {
            if (tries.incrementAndGet() == 2) {
                stopping.set(true); // shutdown begins during the second try, which then fails
            }
            throw new IllegalStateException("EntityManagerFactory is closed");
        }, observer));
        assertEquals(2, tries.get(), "no third try, and no verdict: the record goes to its next owner");
        assertEquals(List.of("UNEXPECTED/2"), seen, "only the try before shutdown was judged");
        assertThrows(InterruptedException.class, () -> whileRunning.withUnexpectedAttempts(1).run(() -> {
            throw new PoisonRecordException("bad body");
        }, observer), "even a poison record is left for the next owner to judge");
    }

    @Test
    void aConsumerGetsTheFailureToDeadLetterWithOrNothingOrLetsGoWhenStopping() {
        assertEquals(null, rule.failureOf(() -> { }, observer), "succeeded: nothing to dead-letter");
        PoisonRecordException poison = new PoisonRecordException("no suggestionId");
        assertSame(poison, rule.failureOf(() -> {
            throw poison;
        }, observer));
        Retrying stopping = new Retrying(Duration.ofMillis(2), Duration.ofMillis(8), 3, () -> true);
        assertThrows(StoppingException.class, () -> stopping.failureOf(() -> {
            throw new IllegalStateException("EntityManagerFactory is closed");
        }, observer), "let go unacknowledged, not dead-lettered");
    }

    @Test
    void aPoisonFailureIsThrownAtTheFirstTry() {
        AtomicInteger tries = new AtomicInteger();
        PoisonRecordException poison = new PoisonRecordException("no suggestionId");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> rule.run(() -> {
            tries.incrementAndGet();
            throw poison;
        }, observer));
        assertSame(poison, thrown);
        assertEquals(1, tries.get());
        assertEquals(List.of("POISON/-1"), seen);
    }

    @Test
    void anUnexpectedFailureIsTriedTheGivenNumberOfTimesThenDescribedWithoutItsCause() {
        AtomicInteger tries = new AtomicInteger();
        UnexpectedFailureException thrown = assertThrows(UnexpectedFailureException.class, () -> rule.run(() -> {
            tries.incrementAndGet();
            throw new IllegalStateException("injected fault\nDetail: Failing row contains (13812345678)");
        }, observer));
        assertEquals(3, tries.get());
        assertTrue(thrown.getMessage().startsWith("failed 3 times: java.lang.IllegalStateException: injected fault"),
                thrown.getMessage());
        assertTrue(!thrown.getMessage().contains("13812345678") && thrown.getCause() == null, thrown.getMessage());
        assertEquals(List.of("UNEXPECTED/2", "UNEXPECTED/4", "UNEXPECTED/-1"), seen);
    }

    @Test
    void aStoppingServiceInterruptsTheWait() {
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> rule.run(() -> {
            throw new IllegalStateException("down", new ConnectException("refused"));
        }, observer));
    }
}
