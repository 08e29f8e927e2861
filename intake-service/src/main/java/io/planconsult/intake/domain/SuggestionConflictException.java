package io.planconsult.intake.domain;

/** The change cannot be made in the suggestion's present state (withdrawn, not yet redacted...). */
public class SuggestionConflictException extends RuntimeException {

    private final String kind;

    /** @param kind a stable code for the problem type, e.g. {@code withdrawn} */
    public SuggestionConflictException(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
