package io.planconsult.intake.domain;

/** One rule a request broke: the JSON field at fault and why. */
public record FieldError(String field, String message) {
}
