package io.planconsult.reporting.messaging;

/**
 * A record that failed for no known reason every time it was tried; the dead-letter reason names the exception's
 * class and the first line of its message (a database's first line names a type, column or constraint; the detail
 * lines that may quote values are dropped). It carries no cause, so no nested message reaches the dead-letter headers.
 */
public final class UnexpectedFailureException extends RuntimeException {

    private static final int MAX_MESSAGE = 300;

    UnexpectedFailureException(Throwable failure, int attempts) {
        super("failed " + attempts + " times: " + describe(failure), null, false, false);
    }

    /** The innermost exception's class and message, the part that says what went wrong. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // The first line only: PostgreSQL's detail lines ("Failing row contains ...") may quote column values.
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("").strip();
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "...";
        }
        return root.getClass().getName() + (message.isEmpty() ? "" : ": " + message);
    }
}
