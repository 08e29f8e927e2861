package io.planconsult.intake.security;

/** The caller may not act for this station (a station-staff token of another station, or without a station). */
public class StationForbiddenException extends RuntimeException {

    private final String field;

    public StationForbiddenException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
