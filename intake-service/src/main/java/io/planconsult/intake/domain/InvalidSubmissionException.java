package io.planconsult.intake.domain;

import java.util.List;

/** A submission broke one or more rules; nothing was stored. */
public class InvalidSubmissionException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidSubmissionException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s): " + errors.stream().map(FieldError::field).toList());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
