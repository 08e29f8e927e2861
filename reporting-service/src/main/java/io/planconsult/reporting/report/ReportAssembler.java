package io.planconsult.reporting.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.planconsult.reporting.report.DisplayNames.Label;
import io.planconsult.reporting.report.Reports.ChannelCount;
import io.planconsult.reporting.report.Reports.DayCount;
import io.planconsult.reporting.report.Reports.DistrictCount;
import io.planconsult.reporting.report.Reports.ForumHeld;
import io.planconsult.reporting.report.Reports.KeywordCount;
import io.planconsult.reporting.report.Reports.Point;
import io.planconsult.reporting.report.Reports.SuggestionRow;
import io.planconsult.reporting.report.Reports.TopicCount;
import io.planconsult.reporting.report.Reports.TopicKeywords;
import io.planconsult.reporting.report.Reports.TopicPoints;
import io.planconsult.reporting.report.Reports.WeekCount;
import io.planconsult.reporting.tally.Forum;
import io.planconsult.reporting.tally.Perspective;
import io.planconsult.reporting.tally.StoredPoints;
import io.planconsult.reporting.tally.TaggedSuggestion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Assembles the general report, the topic sub-reports and the district lists from the read model. */
@ApplicationScoped
public class ReportAssembler {

    private final ReportQueries queries;
    private final DisplayNames names;
    private final ZoneId zone;
    private final int topPoints;
    private final int topKeywords;

    ReportAssembler(ReportQueries queries, DisplayNames names,
            @ConfigProperty(name = "reporting.reports.time-zone", defaultValue = "Asia/Shanghai") ZoneId zone,
            @ConfigProperty(name = "reporting.reports.top-points", defaultValue = "5") int topPoints,
            @ConfigProperty(name = "reporting.reports.top-keywords", defaultValue = "10") int topKeywords) {
        this.queries = queries;
        this.names = names;
        this.zone = zone;
        this.topPoints = topPoints;
        this.topKeywords = topKeywords;
    }

    /**
     * @param withTexts whether the most-raised points carry their representative text and suggestion id (analysts and
     *                  admins); without, the report is aggregates only: counts, topics, districts, channels, keywords
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Reports.General general(boolean withTexts) {
        List<Forum> forums = queries.forums();
        long total = queries.total();
        Reports.Totals totals = new Reports.Totals(total, queries.points(null), queries.needsReview(), forums.size(),
                forums.stream().mapToLong(f -> f.participants).sum(),
                forums.stream().mapToLong(f -> f.deputiesPresent).sum(), queries.notSuggestions());

        Map<String, Long> mentions = queries.mentions();
        Map<String, ReportQueries.TopicCounts> perTopic = queries.byTopic().stream()
                .collect(Collectors.toMap(ReportQueries.TopicCounts::topic, t -> t));
        List<TopicCount> byTopic = new ArrayList<>();
        for (Label t : withUnknown(names.topics(), perTopic.keySet(), names::topic)) {
            ReportQueries.TopicCounts c = perTopic.get(t.code());
            byTopic.add(new TopicCount(t.code(), t.name(), t.nameEn(), c == null ? 0 : c.count(),
                    mentions.getOrDefault(t.code(), 0L),
                    c == null ? 0 : c.points()));
        }

        Map<String, Long> channels = queries.byChannel();
        List<ChannelCount> byChannel = withUnknown(names.channels(), channels.keySet(), names::channel).stream()
                .map(c -> new ChannelCount(c.code(), c.name(), c.nameEn(), channels.getOrDefault(c.code(), 0L)))
                .toList();

        Map<String, List<KeywordCount>> keywords = topKeywords(null);
        List<TopicKeywords> topicKeywords = names.topics().stream()
                .map(t -> new TopicKeywords(t.code(), t.name(), t.nameEn(), keywords.getOrDefault(t.code(), List.of())))
                .toList();

        Map<String, List<Point>> points = points(queries.topPoints(null, topPoints));
        if (!withTexts) {
            points.replaceAll((topic, list) -> list.stream().map(Point::withoutText).toList());
        }
        List<TopicPoints> topicPoints = names.topics().stream()
                .map(t -> new TopicPoints(t.code(), t.name(), t.nameEn(), points.getOrDefault(t.code(), List.of())))
                .toList();

        List<ForumHeld> forumsHeld = forums.stream().map(f -> {
            Label d = names.district(f.district);
            return new ForumHeld(f.name, f.heldOn, d.code(), d.name(), d.nameEn(), f.participants, f.deputiesPresent,
                    f.suggestionCount);
        }).toList();

        return new Reports.General(Instant.now(), names.taxonomyVersion(), totals, byDistrict(null), byTopic, byChannel,
                trend(), forumsHeld, topicKeywords, topicPoints);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Reports.TopicReport topic(String code, int page, int size) {
        Label topic = names.topic(code);
        long count = queries.countOfTopic(code);
        List<Point> points = points(queries.topPoints(code, topPoints * 2)).getOrDefault(code, List.of());
        List<KeywordCount> keywords = topKeywords(code).getOrDefault(code, List.of());
        List<SuggestionRow> items = queries.suggestionsOfTopic(code, page, size).stream().map(ReportAssembler::row)
                .toList();
        List<Reports.PointPassage> passages = queries.withPointsIn(code, page, size).stream()
                .flatMap(s -> StoredPoints.of(s).stream().filter(p -> code.equals(p.topic()))
                        .map(p -> new Reports.PointPassage(s.suggestionId, p.topic(), p.start(), p.end(),
                                p.passage(s.redactedText), p.district(), p.keywords(), s.submittedAt)))
                .toList();
        return new Reports.TopicReport(Instant.now(), topic, count, queries.mentions().getOrDefault(code, 0L),
                queries.points(code),
                byDistrict(code), points, keywords, new Reports.SuggestionPage(page, size, count, items), passages);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Reports.DistrictReport district(String code, Perspective by) {
        Map<String, List<SuggestionRow>> perTopic = new LinkedHashMap<>();
        List<TaggedSuggestion> suggestions = queries.suggestionsOfDistrict(by, code);
        for (TaggedSuggestion s : suggestions) {
            perTopic.computeIfAbsent(s.primaryTopic, k -> new ArrayList<>()).add(row(s));
        }
        List<Reports.TopicSection> sections = new ArrayList<>();
        for (Label t : withUnknown(names.topics(), perTopic.keySet(), names::topic)) {
            List<SuggestionRow> rows = perTopic.getOrDefault(t.code(), List.of());
            sections.add(new Reports.TopicSection(t.code(), t.name(), t.nameEn(), rows.size(), rows));
        }
        return new Reports.DistrictReport(Instant.now(), names.district(code), by.code(), suggestions.size(),
                queries.notSuggestions(by, code), sections);
    }

    private List<DistrictCount> byDistrict(String topic) {
        Map<String, Long> station = queries.byDistrict(Perspective.STATION, topic);
        Map<String, Long> subject = queries.byDistrict(Perspective.SUBJECT, topic);
        List<String> seen = new ArrayList<>(station.keySet());
        seen.addAll(subject.keySet());
        return withUnknown(names.districts(), seen, names::district).stream()
                .map(d -> DistrictCount.of(d, station.getOrDefault(d.code(), 0L), subject.getOrDefault(d.code(), 0L)))
                .toList();
    }

    private Reports.Trend trend() {
        int offset = zone.getRules().getOffset(Instant.now()).getTotalSeconds();
        TreeMap<LocalDate, Long> days = new TreeMap<>();
        queries.perEpochDay(offset).forEach((epochDay, count) -> days.put(LocalDate.ofEpochDay(epochDay), count));
        TreeMap<LocalDate, Long> weeks = new TreeMap<>();
        days.forEach((day, count) -> weeks.merge(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), count,
                Long::sum));
        List<DayCount> perDay = days.entrySet().stream().map(e -> new DayCount(e.getKey(), e.getValue())).toList();
        List<WeekCount> perWeek = weeks.entrySet().stream().map(e -> new WeekCount(
                "%d-W%02d".formatted(e.getKey().get(IsoFields.WEEK_BASED_YEAR),
                e.getKey().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                e.getKey(), e.getValue())).toList();
        return new Reports.Trend(zone.getId(), perDay, perWeek);
    }

    /**
     * The most frequent keywords per primary topic (of one topic, or of all when null), by the number of suggestions
     * carrying them; ties broken alphabetically for a stable list.
     */
    private Map<String, List<KeywordCount>> topKeywords(String ofTopic) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        queries.forEachKeywords(ofTopic, (primary, keywords) -> {
            Map<String, Long> topic = counts.computeIfAbsent(primary, k -> new HashMap<>());
            Arrays.stream(keywords.split(",")).map(String::strip).filter(k -> !k.isEmpty()).distinct()
                    .forEach(k -> topic.merge(k, 1L, Long::sum));
        });
        Map<String, List<KeywordCount>> top = new HashMap<>();
        counts.forEach((topic, perKeyword) -> top.put(topic, perKeyword.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(topKeywords).map(e -> new KeywordCount(e.getKey(), e.getValue())).toList()));
        return top;
    }

    private Map<String, List<Point>> points(List<ReportQueries.PointRow> rows) {
        Map<UUID, TaggedSuggestion> representatives = queries.representatives(rows.stream()
                .map(ReportQueries.PointRow::pointKey).toList());
        Map<String, List<Point>> perTopic = new HashMap<>();
        for (ReportQueries.PointRow r : rows) {
            TaggedSuggestion rep = representatives.get(r.pointKey());
            UUID clusterId = rep == null ? r.pointKey() : rep.clusterId;
            perTopic.computeIfAbsent(r.topic(), k -> new ArrayList<>()).add(new Point(clusterId, r.count(),
                    rep == null ? null : rep.suggestionId, rep == null ? null : rep.redactedText));
        }
        perTopic.values().forEach(list -> list.sort(Comparator.comparingLong(Point::count).reversed()));
        return perTopic;
    }

    static SuggestionRow row(TaggedSuggestion s) {
        List<String> keywords = s.keywords == null || s.keywords.isBlank() ? List.of() : List.of(s.keywords.split(","));
        return new SuggestionRow(s.suggestionId, s.stationId, s.stationDistrict, s.subjectDistrict, s.channel,
                s.primaryTopic,
                s.labelList(), keywords, s.clusterId, s.redactedText, s.submittedAt);
    }

    /** The known labels in data-file order, then any code the data holds that the files do not know. */
    private static List<Label> withUnknown(List<Label> known, java.util.Collection<String> present,
            java.util.function.Function<String, Label> lookup) {
        List<Label> labels = new ArrayList<>(known);
        present.stream().filter(c -> c != null && known.stream().noneMatch(l -> l.code().equals(c))).distinct().sorted()
                .forEach(c -> labels.add(lookup.apply(c)));
        return labels;
    }
}
