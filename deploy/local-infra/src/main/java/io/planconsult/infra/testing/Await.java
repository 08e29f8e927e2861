package io.planconsult.infra.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits in tests for what a consumer does asynchronously, polling every 100 ms. */
public final class Await {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private Await() {
    }

    /** @throws AssertionError naming {@code what} when the condition does not hold within a minute */
    public static void await(BooleanSupplier condition, String what) {
        await(condition, DEFAULT_TIMEOUT, what);
    }

    /** @throws AssertionError naming {@code what} when the condition does not hold within {@code timeout} */
    public static void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
