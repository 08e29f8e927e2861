package io.planconsult.intake.rest;

/** The request body is not well-formed UTF-8. */
class InvalidEncodingException extends RuntimeException {
    InvalidEncodingException() {
        super("the body is not valid UTF-8");
    }
}
