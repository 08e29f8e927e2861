package io.planconsult.reporting.tally;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
     * @param points   by station or subject only: points in this topic (a long text's proposals; a text not split is
     *                 one), so a speech covering three areas adds one to each
     * @param flagged  by station or subject only: suggestions of {@code count} awaiting an analyst's review
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cell(String district, String channel, String day, String week, String topic, long count,
            long mentions, long clusters, Long points, Long flagged) {

        static Cell of(TallyDimension by, String bucket, String topic, TallyCell c, Map<Key, TallyCell> points,
                Map<Key, TallyCell> flagged) {
            boolean perDistrict = by == TallyDimension.STATION || by == TallyDimension.SUBJECT;
            Key key = new Key(bucket, topic);
            return new Cell(perDistrict ? bucket : null, by == TallyDimension.CHANNEL ? bucket : null,
                    by == TallyDimension.DAY ? bucket : null, by == TallyDimension.WEEK ? bucket : null, topic,
                    c == null ? 0 : c.primaryCount, c == null ? 0 : c.mentionCount, c == null ? 0 : c.clusterCount,
                    perDistrict ? primary(points.get(key)) : null, perDistrict ? primary(flagged.get(key)) : null);
        }

        private static long primary(TallyCell c) {
            return c == null ? 0 : c.primaryCount;
        }
    }

    private record Key(String bucket, String topic) {
    }

    /**
     * @param total          every suggestion received and tagged, withdrawn ones excepted; the cells add up to it.
     *                       Texts that are not suggestions are in it, in cells of their own (topic
     *                       {@code not-a-suggestion}), never mixed into a real topic or {@code other}
     * @param clusters       distinct clusters among them overall (not the sum of the cells': a cluster may span cells)
     * @param notSuggestions greetings, tests and the like: the sum of the {@code not-a-suggestion} cells, so that
     *                       {@code total - notSuggestions} is the real suggestions ({@code by} station or subject: per
     *                       district in {@code notSuggestionsByDistrict})
     * @param points         points over all cells (by station or subject; else 0)
     * @param flagged        suggestions awaiting review over all cells
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tallies(String by, long total, long clusters, long notSuggestions, long points, long flagged,
            Map<String, Long> notSuggestionsByDistrict, List<Cell> cells) {
    }

    public record SuggestionPage(int page, int size, long total, List<TaggedSuggestion> items) {
    }

    public Tallies tallies(TallyDimension by) {
        if (!by.isBreakdown()) {
            throw new IllegalArgumentException("tallies are by station, subject, channel, day or week");
        }
        return timed("tallies", by.code(), () -> breakdown(by));
    }

    private Tallies breakdown(TallyDimension by) {
        boolean perDistrict = by == TallyDimension.STATION || by == TallyDimension.SUBJECT;
        Map<Key, TallyCell> counts = cells(by);
        Map<Key, TallyCell> points = perDistrict ? cells(by == TallyDimension.STATION ? TallyDimension.POINTS_STATION
                : TallyDimension.POINTS_SUBJECT) : Map.of();
        Map<Key, TallyCell> flagged = perDistrict ? cells(by == TallyDimension.STATION
                ? TallyDimension.FLAGGED_STATION : TallyDimension.FLAGGED_SUBJECT) : Map.of();
        TreeSet<Key> keys = new TreeSet<>(Comparator.comparing(Key::bucket).thenComparing(Key::topic));
        keys.addAll(counts.keySet());
        keys.addAll(points.keySet());
        keys.addAll(flagged.keySet());
        List<Cell> cells = new ArrayList<>();
        Map<String, Long> apart = new TreeMap<>();
        for (Key k : keys) {
            Cell cell = Cell.of(by, k.bucket(), k.topic(), counts.get(k), points, flagged);
            cells.add(cell);
            if (Contribution.NOT_A_SUGGESTION.equals(k.topic())) {
                apart.merge(k.bucket(), cell.count(), Long::sum);
            }
        }
        TallyCell all = TallyCell.find("perspective = ?1 and district = ?2 and topic = ?2", TallyDimension.ALL.code(),
                TallyDimension.EVERYTHING).firstResult();
        return new Tallies(by.code(), cells.stream().mapToLong(Cell::count).sum(), all == null ? 0 : all.clusterCount,
                apart.values().stream().mapToLong(Long::longValue).sum(),
                cells.stream().mapToLong(c -> c.points() == null ? 0 : c.points()).sum(),
                cells.stream().mapToLong(c -> c.flagged() == null ? 0 : c.flagged()).sum(),
                perDistrict ? apart : null, cells);
    }

    /** The non-empty cells of one dimension, by bucket and topic. */
    private static Map<Key, TallyCell> cells(TallyDimension d) {
        Map<Key, TallyCell> cells = new HashMap<>();
        TallyCell.<TallyCell>find("perspective = ?1 and (primaryCount <> 0 or mentionCount <> 0)", d.code())
                .stream().forEach(c -> cells.put(new Key(c.district, c.topic), c));
        return cells;
    }

    /**
     * One district's cells of {@code all}; {@code clusters} is then that district's distinct clusters summed over its
     * topics.
     */
    public static Tallies district(Tallies all, String district) {
        List<Cell> cells = all.cells().stream().filter(c -> c.district().equals(district)).toList();
        long apart = all.notSuggestionsByDistrict().getOrDefault(district, 0L);
        return new Tallies(all.by(), cells.stream().mapToLong(Cell::count).sum(),
                cells.stream().mapToLong(Cell::clusters).sum(), apart, cells.stream().mapToLong(Cell::points).sum(),
                cells.stream().mapToLong(Cell::flagged).sum(), Map.of(district, apart), cells);
    }

    /**
     * Counted suggestions (tagged, not withdrawn) by district (in the given perspective) and primary topic, newest
     * first.
     */
    public SuggestionPage suggestions(Perspective by, String district, String topic, int page, int size) {
        return timed("suggestions", by.code(), () -> page(by, district, topic, page, size));
    }

    private SuggestionPage page(Perspective by, String district, String topic, int page, int size) {
        StringBuilder where = new StringBuilder("tagged = true and withdrawn = false");
        Parameters params = new Parameters();
        if (district != null) {
            where.append(by == Perspective.STATION ? " and stationDistrict = :district"
                    : " and subjectDistrict = :district");
            params.and("district", district);
        }
        if (topic != null) {
            where.append(" and primaryTopic = :topic");
            params.and("topic", topic);
        }
        var query = TaggedSuggestion.<TaggedSuggestion>find(where.toString(),
                Sort.descending("submittedAt").and("suggestionId"), params);
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

    /** The dimension of a perspective's district cells. */
    public static TallyDimension dimension(Perspective p) {
        return p == Perspective.STATION ? TallyDimension.STATION : TallyDimension.SUBJECT;
    }
}
