package io.planconsult.intake.forum;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.planconsult.intake.domain.FieldError;

/**
 * What an import says about the forum itself. It names either a station or a district. The deputies
 * present are given as a count, as names, or both (then the count may exceed the names: not every
 * deputy needs to be named). {@link #toString()} never shows the names.
 */
public record ForumMetadata(String name, LocalDate heldOn, String stationId, String district, Integer participants,
        Integer deputiesPresent, List<String> deputyNames) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_DEPUTY_NAME_LENGTH = 100;
    static final int MAX_PEOPLE = 100_000;

    public ForumMetadata {
        deputyNames = deputyNames == null ? List.of() : deputyNames.stream().map(n -> n == null ? null : n.strip())
                .toList();
        name = blankToNull(name);
        stationId = blankToNull(stationId);
        district = blankToNull(district);
    }

    /** How many deputies were present: the count if given, else the number of names. */
    public int deputyCount() {
        return deputiesPresent != null ? deputiesPresent : deputyNames.size();
    }

    /**
     * Reads the metadata fields of a multipart form, where everything is text. Deputy names are
     * separated by commas, 、, semicolons or line breaks.
     *
     * @throws InvalidImportException naming every field that is malformed or breaks a rule
     */
    public static ForumMetadata fromForm(String name, String heldOn, String stationId, String district,
            String participants,
            String deputiesPresent, String deputyNames, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = null;
        if (heldOn != null && !heldOn.isBlank()) {
            try {
                date = LocalDate.parse(heldOn.strip());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("heldOn", "must be a date such as 2026-11-20"));
            }
        }
        Integer participantCount = wholeNumber("participants", participants, errors);
        Integer deputyCount = wholeNumber("deputiesPresent", deputiesPresent, errors);
        List<String> names = deputyNames == null || deputyNames.isBlank() ? List.of()
                : Arrays.stream(deputyNames.split("[,，、;；\\r\\n]+")).map(String::strip).filter(n -> !n.isEmpty())
                .toList();
        ForumMetadata metadata = new ForumMetadata(name, date, stationId, district, participantCount, deputyCount,
                names);
        for (FieldError error : metadata.check(today)) {
            if (errors.stream().noneMatch(e -> e.field().equals(error.field()))) {
                errors.add(error);
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidImportException.invalidMetadata(errors);
        }
        return metadata;
    }

    /** The field rules; whether the station or district exists is checked against the registry by the caller. */
    public List<FieldError> check(LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > MAX_NAME_LENGTH) {
            errors.add(new FieldError("name", "must be at most " + MAX_NAME_LENGTH + " characters"));
        }
        if (heldOn == null) {
            errors.add(new FieldError("heldOn", "is required: the date the forum was held"));
        } else if (heldOn.isAfter(today)) {
            errors.add(new FieldError("heldOn", "must not be in the future"));
        }
        if (stationId == null && district == null) {
            errors.add(new FieldError("stationId", "is required unless district is given"));
        } else if (stationId != null && district != null) {
            errors.add(new FieldError("district", "must not be given together with stationId: name one or the other"));
        }
        if (participants == null) {
            errors.add(new FieldError("participants", "is required: how many people took part"));
        } else if (participants < 0 || participants > MAX_PEOPLE) {
            errors.add(new FieldError("participants", "must be between 0 and " + MAX_PEOPLE));
        }
        if (deputiesPresent == null && deputyNames.isEmpty()) {
            errors.add(new FieldError("deputiesPresent", "is required: a count, or the names in deputyNames"));
        } else if (deputiesPresent != null && (deputiesPresent < 0 || deputiesPresent > MAX_PEOPLE)) {
            errors.add(new FieldError("deputiesPresent", "must be between 0 and " + MAX_PEOPLE));
        } else if (deputiesPresent != null && deputiesPresent < deputyNames.size()) {
            errors.add(new FieldError("deputiesPresent", "must be at least the number of names in deputyNames ("
                    + deputyNames.size() + ")"));
        }
        for (int i = 0; i < deputyNames.size(); i++) {
            String deputy = deputyNames.get(i);
            if (deputy == null || deputy.isEmpty()) {
                errors.add(new FieldError("deputyNames[" + i + "]", "must not be blank"));
            } else if (deputy.length() > MAX_DEPUTY_NAME_LENGTH) {
                errors.add(new FieldError("deputyNames[" + i + "]",
                        "must be at most " + MAX_DEPUTY_NAME_LENGTH + " characters"));
            }
        }
        return errors;
    }

    private static Integer wholeNumber(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a whole number"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "ForumMetadata[heldOn=" + heldOn + ", stationId=" + stationId + ", district=" + district
                + ", deputies redacted]";
    }
}
