package io.planconsult.intake.forum;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.planconsult.contract.Channel;
import io.planconsult.intake.domain.FieldError;
import io.planconsult.intake.domain.NewSuggestion;
import io.planconsult.intake.domain.SubmissionRules;

/**
 * Turns an import row into a {@link NewSuggestion} for the forum's station, or says which of its
 * fields break which rule. The suggestion rules themselves are {@link SubmissionRules}, the same as
 * for a single POST; this class adds what a spreadsheet needs: a default channel, Chinese channel
 * names, and the date-time forms people type.
 */
public final class RowRules {

    /** The row's verdict: a suggestion ready to store, or the errors (field names as in the file's English headers). */
    public record Checked(NewSuggestion suggestion, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private static final Map<String, String> CHANNEL_NAMES = Map.of(
            "座谈会", "forum", "座谈", "forum", "联络站", "station", "联系点", "station",
            "数智平台", "platform", "平台", "platform", "网络媒体", "media", "媒体", "media",
            "代表建议", "deputy", "政协", "cppcc");

    /** Local forms, read in the configured zone; an ISO date-time with an offset is also accepted. */
    private static final DateTimeFormatter LOCAL_DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu[-][/][.]M[-][/][.]d")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendPattern("H:mm").optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .toFormatter(Locale.ROOT);

    private RowRules() {
    }

    /**
     * @param defaultSubmittedAt used when the row has no time: the forum's date
     */
    public static Checked check(ImportRow row, String stationId, Instant defaultSubmittedAt, ZoneId zone, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        String channel = row.channel() == null ? Channel.FORUM.code() : channelCode(row.channel());
        Instant submittedAt = defaultSubmittedAt;
        if (row.submittedAt() != null) {
            try {
                submittedAt = parseTime(row.submittedAt(), zone);
            } catch (DateTimeParseException e) {
                submittedAt = null;
                errors.add(new FieldError(ImportColumn.SUBMITTED_AT.field(),
                        "must be a date or date-time such as 2026-11-20, 2026-11-20 09:30 or "
                        + "2026-11-20T09:30:00+08:00"));
            }
        }
        NewSuggestion.Submitter submitter = row.submitterName() == null && row.submitterPhone() == null ? null
                : new NewSuggestion.Submitter(strip(row.submitterName()), strip(row.submitterPhone()));
        NewSuggestion suggestion = new NewSuggestion(stationId, strip(row.text()), channel, submittedAt, submitter);
        for (FieldError error : SubmissionRules.check(suggestion, now)) {
            errors.add(new FieldError(rowField(error.field()), error.message()));
        }
        return new Checked(errors.isEmpty() ? suggestion : null, List.copyOf(errors));
    }

    /** The import's name for a field of {@link NewSuggestion}. */
    public static String rowField(String suggestionField) {
        return switch (suggestionField) {
            case "submitter.name" -> ImportColumn.SUBMITTER_NAME.field();
            case "submitter.phone" -> ImportColumn.SUBMITTER_PHONE.field();
            default -> suggestionField;
        };
    }

    static Instant parseTime(String value, ZoneId zone) {
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            return LocalDateTime.parse(text, LOCAL_DATE_TIME).atZone(zone).toInstant();
        }
    }

    static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static String channelCode(String value) {
        String text = value.strip();
        return CHANNEL_NAMES.getOrDefault(text, text.toLowerCase(Locale.ROOT));
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
