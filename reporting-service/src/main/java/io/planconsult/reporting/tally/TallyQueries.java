package io.planconsult.reporting.tally;

import java.util.List;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads of the read model for the REST API. */
@ApplicationScoped
public class TallyQueries {

    public record Cell(String district, String topic, long count, long mentions) {
    }

    public record Tallies(String by, long total, List<Cell> cells) {
    }

    public record SuggestionPage(int page, int size, long total, List<TaggedSuggestion> items) {
    }

    public Tallies tallies(Perspective by) {
        List<Cell> cells = TallyCell.<TallyCell>find("perspective = ?1 and (primaryCount <> 0 or mentionCount <> 0)",
                        Sort.by("district").and("topic"), by.code())
                .stream()
                .map(c -> new Cell(c.district, c.topic, c.primaryCount, c.mentionCount))
                .toList();
        return new Tallies(by.code(), cells.stream().mapToLong(Cell::count).sum(), cells);
    }

    public Tallies district(Perspective by, String district) {
        List<Cell> cells = tallies(by).cells().stream().filter(c -> c.district().equals(district)).toList();
        return new Tallies(by.code(), cells.stream().mapToLong(Cell::count).sum(), cells);
    }

    /** Suggestions filtered by district (in the given perspective) and primary topic, newest first. */
    public SuggestionPage suggestions(Perspective by, String district, String topic, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (district != null) {
            where.append(by == Perspective.STATION ? " and stationDistrict = :district" : " and subjectDistrict = :district");
            params.and("district", district);
        }
        if (topic != null) {
            where.append(" and primaryTopic = :topic");
            params.and("topic", topic);
        }
        var query = TaggedSuggestion.<TaggedSuggestion>find(where.toString(), Sort.descending("submittedAt").and("suggestionId"), params);
        long total = query.count();
        List<TaggedSuggestion> items = query.page(Page.of(page, size)).list();
        return new SuggestionPage(page, size, total, items);
    }
}
