package io.planconsult.intake.rest;

/** A POST came without a JSON body. */
class MissingBodyException extends RuntimeException {
    MissingBodyException() {
        super("a JSON body is required");
    }
}
