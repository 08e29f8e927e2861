package io.planconsult.reporting.tally;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Optional;

/**
 * What a tally is broken down by, beside the topic. Its {@link #code()} is the {@code by} query value and the
 * {@code tally_cell.perspective} column; the bucket (a district, a channel, a day, an ISO week) is the
 * {@code tally_cell.district} column. The first six count suggestions ({@link #countsSuggestions()}); the last four
 * are the same district x topic cells counting something else in {@code primary_count}: a long text's points, and the
 * suggestions still flagged for review. They are kept by the same arithmetic, ledger and rebuild as the others, and
 * are never a {@code by} value of their own (the tallies of {@link #STATION} and {@link #SUBJECT} carry them).
 */
public enum TallyDimension {
    /** The district of the station that collected it. */
    STATION,
    /** The district the text names, or else the station's. */
    SUBJECT,
    /** How it arrived: station, forum, platform, media, deputy, cppcc. */
    CHANNEL,
    /** The day it was made, in {@link Contribution#ZONE}: {@code 2026-11-20}. */
    DAY,
    /** The ISO week it was made, in {@link Contribution#ZONE}: {@code 2026-W47}. */
    WEEK,
    /** One cell over everything, topic {@code *}: the totals, and the distinct clusters overall. */
    ALL,
    /** Points (a long text's proposals; a text not split is one) by the station's district x the point's topic. */
    POINTS_STATION,
    /** Points by the district the point names (else the suggestion's subject district) x the point's topic. */
    POINTS_SUBJECT,
    /** Suggestions flagged for review that no analyst has re-tagged, by the station's district x primary topic. */
    FLAGGED_STATION,
    /** The same by subject district. */
    FLAGGED_SUBJECT;

    public static final String EVERYTHING = "*";

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<TallyDimension> fromCode(String code) {
        for (TallyDimension d : values()) {
            if (d.code().equals(code)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** Whether cells are kept per topic (all but {@link #ALL}). */
    public boolean perTopic() {
        return this != ALL;
    }

    /** Whether {@code primary_count} counts suggestions (the breakdowns), not points or flags. */
    public boolean countsSuggestions() {
        return ordinal() <= ALL.ordinal();
    }

    /** A breakdown a caller may ask tallies {@code by}: station, subject, channel, day or week. */
    public boolean isBreakdown() {
        return perTopic() && countsSuggestions();
    }

    String bucket(Contribution c) {
        return switch (this) {
            case STATION -> c.stationDistrict();
            case SUBJECT -> c.subjectDistrict();
            case CHANNEL -> c.channel();
            case DAY -> c.day().toString();
            case WEEK -> isoWeek(c.day());
            case ALL -> EVERYTHING;
            case POINTS_STATION, FLAGGED_STATION -> c.stationDistrict();
            case POINTS_SUBJECT, FLAGGED_SUBJECT -> c.subjectDistrict();
        };
    }

    /**
     * {@code 2026-W47}: the ISO-8601 week-based year and week (weeks start on Monday; week 1 holds the first Thursday).
     */
    public static String isoWeek(LocalDate day) {
        return String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
