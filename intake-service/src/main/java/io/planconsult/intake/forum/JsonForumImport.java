package io.planconsult.intake.forum;

import java.time.LocalDate;
import java.util.List;

import io.planconsult.intake.domain.NewSuggestion;

/**
 * A forum import as one JSON body: the forum's metadata and its suggestions, each shaped like the
 * body of {@code POST /api/v1/suggestions} without the station (the forum's) and with channel
 * defaulting to {@code forum}. {@code submittedAt} is text so that a bad value is reported for its row
 * rather than failing the whole request.
 */
public record JsonForumImport(String name, LocalDate heldOn, String stationId, String district, Integer participants,
        Integer deputiesPresent, List<String> deputyNames, List<Item> suggestions) {

    public record Item(String text, String channel, String submittedAt, NewSuggestion.Submitter submitter) {
        @Override
        public String toString() {
            return "Item[redacted]";
        }
    }

    public ForumMetadata metadata() {
        return new ForumMetadata(name, heldOn, stationId, district, participants, deputiesPresent, deputyNames);
    }

    /** The suggestions as import rows, numbered from 1 in array order; null items are blank rows. */
    public List<ImportRow> rows() {
        if (suggestions == null) {
            return List.of();
        }
        return java.util.stream.IntStream.range(0, suggestions.size())
                .mapToObj(i -> {
                    Item item = suggestions.get(i);
                    if (item == null) {
                        return new ImportRow(i + 1, null, null, null, null, null);
                    }
                    NewSuggestion.Submitter who = item.submitter();
                    return new ImportRow(i + 1, item.text(), item.channel(), item.submittedAt(),
                            who == null ? null : who.name(),
                            who == null ? null : who.phone());
                })
                .toList();
    }

    @Override
    public String toString() {
        return "JsonForumImport[redacted]";
    }
}
