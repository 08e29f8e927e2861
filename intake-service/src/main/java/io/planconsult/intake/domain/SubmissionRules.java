package io.planconsult.intake.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.planconsult.contract.Channel;

/** The field rules of a new suggestion; station existence is checked by the caller against the registry. */
public final class SubmissionRules {

    public static final int MAX_TEXT_LENGTH = 10_000;
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_PHONE_LENGTH = 40;
    /** Clocks of station PCs drift; a time further ahead than this is a typo, not drift. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

    private SubmissionRules() {
    }

    public static List<FieldError> check(NewSuggestion s, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (s.stationId() == null || s.stationId().isBlank()) {
            errors.add(new FieldError("stationId", "is required"));
        }
        if (s.text() == null || s.text().isBlank()) {
            errors.add(new FieldError("text", "is required and must not be blank"));
        } else {
            checkText(s.text(), errors);
        }
        if (s.channel() == null) {
            errors.add(new FieldError("channel", "is required: one of " + channelCodes()));
        } else if (Channel.fromCode(s.channel()).isEmpty()) {
            errors.add(new FieldError("channel", "must be one of " + channelCodes()));
        }
        if (s.submittedAt() != null && s.submittedAt().isAfter(now.plus(FUTURE_TOLERANCE))) {
            errors.add(new FieldError("submittedAt", "must not be in the future"));
        }
        if (s.submitter() != null) {
            if (s.submitter().name() != null && s.submitter().name().length() > MAX_NAME_LENGTH) {
                errors.add(new FieldError("submitter.name", "must be at most " + MAX_NAME_LENGTH + " characters"));
            } else if (s.submitter().name() != null) {
                TextRules.firstViolation(s.submitter().name()).ifPresent(v ->
                        errors.add(new FieldError("submitter.name", v)));
            }
            if (s.submitter().phone() != null && s.submitter().phone().length() > MAX_PHONE_LENGTH) {
                errors.add(new FieldError("submitter.phone", "must be at most " + MAX_PHONE_LENGTH + " characters"));
            } else if (s.submitter().phone() != null) {
                TextRules.firstViolation(s.submitter().phone())
                        .ifPresent(v -> errors.add(new FieldError("submitter.phone", v)));
            }
        }
        return errors;
    }

    /** The rules of an amendment: at least one field; each given field as on submission. */
    public static List<FieldError> checkAmendment(Amendment a) {
        List<FieldError> errors = new ArrayList<>();
        if (a.text() == null && a.channel() == null) {
            errors.add(new FieldError("$", "give text, channel or both"));
            return errors;
        }
        if (a.text() != null) {
            if (a.text().isBlank()) {
                errors.add(new FieldError("text", "must not be blank"));
            } else {
                checkText(a.text(), errors);
            }
        }
        if (a.channel() != null && Channel.fromCode(a.channel()).isEmpty()) {
            errors.add(new FieldError("channel", "must be one of " + channelCodes()));
        }
        return errors;
    }

    static void checkText(String text, List<FieldError> errors) {
        if (text.length() > MAX_TEXT_LENGTH) {
            errors.add(new FieldError("text", "must be at most " + MAX_TEXT_LENGTH + " characters, was "
                    + text.length()));
        }
        TextRules.firstViolation(text).ifPresent(v -> errors.add(new FieldError("text", v)));
    }

    private static List<String> channelCodes() {
        return java.util.Arrays.stream(Channel.values()).map(Channel::code).toList();
    }
}
