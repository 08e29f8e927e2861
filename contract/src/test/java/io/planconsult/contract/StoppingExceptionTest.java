package io.planconsult.contract;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class StoppingExceptionTest {

    @Test
    void aBatchLeftWhileStoppingEndsWithNeitherAckNorNackAndAnyOtherFailureStillFails() throws Exception {
        var left = StoppingException.unlessStopping(() -> {
            throw new StoppingException();
        }).toCompletableFuture();
        assertNull(left.get(), "a completed stage, no failure for the connector to nack");
        CompletableFuture<Void> handled = CompletableFuture.completedFuture(null);
        assertSame(handled, StoppingException.unlessStopping(() -> handled), "a handled batch's own stage");
        IllegalStateException bug = new IllegalStateException("a bug");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> StoppingException.unlessStopping(() -> {
            throw bug;
        })));
    }
}
