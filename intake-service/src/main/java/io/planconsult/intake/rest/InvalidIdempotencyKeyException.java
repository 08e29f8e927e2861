package io.planconsult.intake.rest;

/** The Idempotency-Key header is empty, too long or not printable ASCII. */
class InvalidIdempotencyKeyException extends RuntimeException {
    InvalidIdempotencyKeyException(String message) {
        super(message);
    }
}
