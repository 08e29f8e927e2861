package io.planconsult.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A forum or symposium (座谈会) whose minutes were imported. Published by intake on {@link Topics#FORUMS} (public)
 * once its suggestions are stored; the suggestions themselves follow as ordinary submitted events with channel
 * {@code forum}. Counts only: no names of participants or deputies.
 *
 * @param district        the district it was held in (the station's when the import named a station)
 * @param stationId       the station that organised it, or {@code null}
 * @param participants    how many people took part
 * @param deputiesPresent how many deputies were present
 * @param suggestionCount how many suggestions from its minutes were accepted
 */
public record ForumRecorded(
        UUID forumId,
        String name,
        LocalDate heldOn,
        String district,
        String stationId,
        int participants,
        int deputiesPresent,
        int suggestionCount,
        Instant recordedAt) {
}
