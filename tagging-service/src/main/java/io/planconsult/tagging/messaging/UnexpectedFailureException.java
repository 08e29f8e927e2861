package io.planconsult.tagging.messaging;

/**
 * Dead-letters a record after a bug failed it several times. It carries only {@link Failures#describe}, no cause:
 * the dead-letter headers must name the exception without quoting anything a record contained.
 */
final class UnexpectedFailureException extends RuntimeException {
    UnexpectedFailureException(String reason) {
        super(reason, null, false, false);
    }
}
