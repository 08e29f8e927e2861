package io.planconsult.reporting.tally;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Optional;

/**
 * What a tally is broken down by, beside the topic. Its {@link #code()} is the {@code by} query value and the
 * {@code tally_cell.perspective} column; the bucket (a district, a channel, a day, an ISO week) is the
 * {@code tally_cell.district} column.
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
    ALL;

    public static final String EVERYTHING = "*";

    public String code() {
        return name().toLowerCase(Locale.ROOT);
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

    String bucket(Contribution c) {
        return switch (this) {
            case STATION -> c.stationDistrict();
            case SUBJECT -> c.subjectDistrict();
            case CHANNEL -> c.channel();
            case DAY -> c.day().toString();
            case WEEK -> isoWeek(c.day());
            case ALL -> EVERYTHING;
        };
    }

    /** {@code 2026-W47}: the ISO-8601 week-based year and week (weeks start on Monday; week 1 holds the first Thursday). */
    public static String isoWeek(LocalDate day) {
        return String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
