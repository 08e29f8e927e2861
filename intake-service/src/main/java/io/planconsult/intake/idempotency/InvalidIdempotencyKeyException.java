package io.planconsult.intake.idempotency;

/** The Idempotency-Key header is empty, too long or not printable ASCII. */
public class InvalidIdempotencyKeyException extends RuntimeException {
    InvalidIdempotencyKeyException(String message) {
        super(message);
    }
}
