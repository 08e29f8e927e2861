package io.planconsult.intake.idempotency;

/** The caller sent an Idempotency-Key it already used, with another request. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("this Idempotency-Key was already used with a different request");
    }
}
