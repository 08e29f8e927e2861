package io.planconsult.reporting.tally;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads of the read model for the REST API: maintained counters only, never a scan of suggestions. Each read is timed
 * ({@code planconsult_reporting_tally_query_seconds{query, by}}, a histogram for the dashboard's p95).
 */
@ApplicationScoped
public class TallyQueries {

    static final String QUERY_TIME = "planconsult.reporting.tally.query";

    private final MeterRegistry registry;

    TallyQueries(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * One cell: exactly one of {@code district}, {@code channel}, {@code day}, {@code week} is set, by the dimension.
     *
     * @param count    suggestions whose primary topic this is (cells add up to the total)
     * @param mentions suggestions labelled with this topic (primary or a clear second topic)
     * @param clusters distinct near-duplicate clusters among the {@code count} suggestions (12 rewordings: 1)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cell(String district, String channel, String day, String week, String topic, long count, long mentions, long clusters) {

        static Cell of(TallyDimension by, TallyCell c) {
            String bucket = c.district;
            return new Cell(by == TallyDimension.STATION || by == TallyDimension.SUBJECT ? bucket : null,
                    by == TallyDimension.CHANNEL ? bucket : null, by == TallyDimension.DAY ? bucket : null,
                    by == TallyDimension.WEEK ? bucket : null, c.topic, c.primaryCount, c.mentionCount, c.clusterCount);
        }
    }

    /**
     * @param total    suggestions counted (withdrawn ones never are)
     * @param clusters distinct clusters among them overall (not the sum of the cells': a cluster may span cells)
     */
    public record Tallies(String by, long total, long clusters, List<Cell> cells) {
    }

    public record SuggestionPage(int page, int size, long total, List<TaggedSuggestion> items) {
    }

    public Tallies tallies(TallyDimension by) {
        if (!by.perTopic()) {
            throw new IllegalArgumentException("tallies are by station, subject, channel, day or week");
        }
        return timed("tallies", by.code(), () -> cells(by));
    }

    private Tallies cells(TallyDimension by) {
        List<Cell> cells = TallyCell.<TallyCell>find("perspective = ?1 and (primaryCount <> 0 or mentionCount <> 0)",
                        Sort.by("district").and("topic"), by.code())
                .stream()
                .map(c -> Cell.of(by, c))
                .toList();
        TallyCell all = TallyCell.find("perspective = ?1 and district = ?2 and topic = ?2", TallyDimension.ALL.code(),
                TallyDimension.EVERYTHING).firstResult();
        return new Tallies(by.code(), cells.stream().mapToLong(Cell::count).sum(), all == null ? 0 : all.clusterCount, cells);
    }

    public Tallies tallies(Perspective by) {
        return tallies(dimension(by));
    }

    /** One district's cells; {@code clusters} is then that district's distinct clusters summed over its topics. */
    public Tallies district(Perspective by, String district) {
        List<Cell> cells = tallies(by).cells().stream().filter(c -> c.district().equals(district)).toList();
        return new Tallies(by.code(), cells.stream().mapToLong(Cell::count).sum(), cells.stream().mapToLong(Cell::clusters).sum(), cells);
    }

    /** Counted suggestions (tagged, not withdrawn) by district (in the given perspective) and primary topic, newest first. */
    public SuggestionPage suggestions(Perspective by, String district, String topic, int page, int size) {
        return timed("suggestions", by.code(), () -> page(by, district, topic, page, size));
    }

    private SuggestionPage page(Perspective by, String district, String topic, int page, int size) {
        StringBuilder where = new StringBuilder("tagged = true and withdrawn = false");
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

    private <T> T timed(String query, String by, Supplier<T> read) {
        return Timer.builder(QUERY_TIME).description("Time to read tallies or a page of suggestions")
                .tag("query", query).tag("by", by).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(read);
    }

    private static TallyDimension dimension(Perspective p) {
        return p == Perspective.STATION ? TallyDimension.STATION : TallyDimension.SUBJECT;
    }
}
