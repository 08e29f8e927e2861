package io.planconsult.contract;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The service stops while a consumer holds records: {@link Retrying} was interrupted in a backoff, or a try failed
 * because of the shutdown. No verdict on the records: the consumer lets go of them unacknowledged, so their offsets
 * stay and the partitions' next owner gets them again ({@link #unlessStopping}).
 */
public final class StoppingException extends RuntimeException {

    public StoppingException() {
        super("stopping", null, false, false);
    }

    /**
     * A consumer's handling of a batch, ended without ack or nack when it throws {@link StoppingException}: a nacked
     * batch would go to the dead-letter topic whole.
     */
    public static CompletionStage<Void> unlessStopping(Supplier<CompletionStage<Void>> handling) {
        try {
            return handling.get();
        } catch (StoppingException e) {
            return CompletableFuture.completedFuture(null);
        }
    }
}
