package io.planconsult.contract;

/**
 * A record that failed for no known reason ({@link FailureKind#UNEXPECTED}) every time it was tried: what a consumer
 * dead-letters it with. The message is {@link FailureKind#describe}; it carries no cause, so no nested message (which
 * could quote the record) reaches the dead-letter headers.
 */
public final class UnexpectedFailureException extends RuntimeException {

    public UnexpectedFailureException(Throwable failure, int attempts) {
        super("failed " + attempts + (attempts == 1 ? " time: " : " times: ") + FailureKind.describe(failure), null,
                false,
                false);
    }
}
