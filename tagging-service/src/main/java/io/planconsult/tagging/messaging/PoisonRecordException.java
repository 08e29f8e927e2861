package io.planconsult.tagging.messaging;

/** A record that can never be processed, however often it is retried. */
final class PoisonRecordException extends RuntimeException {
    PoisonRecordException(String reason) {
        super(reason);
    }
}
