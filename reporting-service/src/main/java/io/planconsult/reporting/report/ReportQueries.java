package io.planconsult.reporting.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.planconsult.reporting.tally.Contribution;
import io.planconsult.reporting.tally.Forum;
import io.planconsult.reporting.tally.Perspective;
import io.planconsult.reporting.tally.TaggedSuggestion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The reports' reads of the read model. Every query counts only live suggestions: tagged, not withdrawn, and not a
 * text judged not a suggestion (those are counted apart, {@link #notSuggestions()});
 * {@code primary_topic}, {@code labels} and {@code cluster_id} are the effective values (an analyst's over the
 * model's). Aggregation happens in the database (PostgreSQL).
 */
@ApplicationScoped
public class ReportQueries {

    /** The condition every report applies. */
    static final String LIVE = "withdrawn = false and tagged = true and primary_topic <> '"
            + Contribution.NOT_A_SUGGESTION + "'";
    private static final String LIVE_HQL = "s.withdrawn = false and s.tagged = true and s.primaryTopic <> '"
            + Contribution.NOT_A_SUGGESTION + "'";
    /** A suggestion outside any near-duplicate cluster is a point of its own. */
    private static final String POINT_KEY = "coalesce(cluster_id, suggestion_id)";
    /**
     * A group of suggestions sharing a point key is a point when it has at least two members or an analyst's merge put
     * it together (a merge of one suggestion promotes it): a lone suggestion is not a "most-raised point".
     */
    static final String IS_POINT = "count(*) >= 2 or max(merge_sequence) is not null";

    public record KeyCount(String key, long count) {
    }

    public record TopicCounts(String topic, long count, long points) {
    }

    public record PointRow(String topic, UUID pointKey, long count) {
    }

    private final EntityManager em;

    /** Rows per page of {@link #forEachKeywords}: memory stays bounded whatever the campaign's size. */
    private final int keywordPage;

    ReportQueries(EntityManager em,
            @ConfigProperty(name = "reporting.reports.keyword-page", defaultValue = "5000") int keywordPage) {
        this.keywordPage = keywordPage;
        this.em = em;
    }

    public long total() {
        return ((Number) em.createNativeQuery("select count(*) from tagged_suggestion where " + LIVE).getSingleResult())
                .longValue();
    }

    /** Greetings, tests and the like, tagged and not withdrawn: counted apart from the suggestions. */
    public long notSuggestions() {
        return ((Number) em.createNativeQuery("select count(*) from tagged_suggestion where withdrawn = false"
                + " and tagged = true and primary_topic = :nas").setParameter("nas", Contribution.NOT_A_SUGGESTION)
                .getSingleResult()).longValue();
    }

    /** A district's texts that are not suggestions, in a perspective. */
    public long notSuggestions(Perspective by, String district) {
        String column = by == Perspective.STATION ? "station_district" : "subject_district";
        return ((Number) em.createNativeQuery("select count(*) from tagged_suggestion where withdrawn = false"
                + " and tagged = true and primary_topic = :nas and " + column + " = :district")
                .setParameter("nas", Contribution.NOT_A_SUGGESTION).setParameter("district", district)
                .getSingleResult()).longValue();
    }

    /** Live suggestions split into points of which at least one is in {@code topic}, newest first. */
    public List<TaggedSuggestion> withPointsIn(String topic, int page, int size) {
        return em.createQuery("select s from TaggedSuggestion s where " + LIVE_HQL + " and s.points like :topic"
                + " order by s.submittedAt desc, s.suggestionId", TaggedSuggestion.class)
                .setParameter("topic", "%\"topic\":\"" + topic + "\"%")
                .setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long points(String topic) {
        String where = LIVE + (topic == null ? "" : " and primary_topic = :topic");
        var query = em.createNativeQuery("select count(*) from (select " + POINT_KEY
                + " as point_key from tagged_suggestion where "
                + where + " group by " + POINT_KEY + " having " + IS_POINT + ") points");
        if (topic != null) {
            query.setParameter("topic", topic);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    public long needsReview() {
        return ((Number) em.createNativeQuery("select count(*) from tagged_suggestion where needs_review = true and "
                + LIVE)
                .getSingleResult()).longValue();
    }

    /** Live suggestions per district in a perspective, optionally of one primary topic. */
    public Map<String, Long> byDistrict(Perspective by, String topic) {
        String column = by == Perspective.STATION ? "station_district" : "subject_district";
        String sql = "select " + column + ", count(*) from tagged_suggestion where " + LIVE
                + (topic == null ? "" : " and primary_topic = :topic") + " group by " + column;
        var query = em.createNativeQuery(sql);
        if (topic != null) {
            query.setParameter("topic", topic);
        }
        return counts(query.getResultList());
    }

    public List<TopicCounts> byTopic() {
        List<TopicCounts> result = new ArrayList<>();
        String perPoint = "select primary_topic, count(*) as n, case when " + IS_POINT
                + " then 1 else 0 end as is_point"
                + " from tagged_suggestion where " + LIVE + " group by primary_topic, " + POINT_KEY;
        for (Object row : em.createNativeQuery("select primary_topic, sum(n), sum(is_point) from (" + perPoint + ") p"
                + " group by primary_topic").getResultList()) {
            Object[] r = (Object[]) row;
            result.add(new TopicCounts((String) r[0], number(r[1]), number(r[2])));
        }
        return result;
    }

    /** Mentions per topic: suggestions having the topic among their labels (primary or second). */
    public Map<String, Long> mentions() {
        Map<String, Long> mentions = new HashMap<>();
        for (Map.Entry<String, Long> combination : counts(em.createNativeQuery(
                "select labels, count(*) from tagged_suggestion where " + LIVE + " group by labels").getResultList())
                .entrySet()) {
            if (combination.getKey() == null) {
                continue;
            }
            for (String label : combination.getKey().split(",")) {
                if (!label.isBlank()) {
                    mentions.merge(label, combination.getValue(), Long::sum);
                }
            }
        }
        return mentions;
    }

    public Map<String, Long> byChannel() {
        return counts(em.createNativeQuery("select channel, count(*) from tagged_suggestion where " + LIVE
                + " group by channel")
                .getResultList());
    }

    /** Live suggestions per local calendar day, keyed by epoch day, at a fixed UTC offset. */
    public Map<Long, Long> perEpochDay(int utcOffsetSeconds) {
        // The offset is an int from configuration, inlined so GROUP BY repeats the exact select expression.
        String day = "floor((extract(epoch from submitted_at) + " + utcOffsetSeconds + ") / 86400)";
        Map<Long, Long> perDay = new HashMap<>();
        for (Object row : em.createNativeQuery("select " + day + ", count(*) from tagged_suggestion where " + LIVE
                + " group by " + day).getResultList()) {
            Object[] r = (Object[]) row;
            perDay.put(number(r[0]), number(r[1]));
        }
        return perDay;
    }

    /**
     * Hands each live suggestion's keyword list (comma-separated, most salient first) with its primary topic to
     * {@code each}, a page at a time in suggestion-id order: a national campaign's million lists never sit in memory
     * at once (reading them in one list took the 256 MB heap at 1,000,000 suggestions).
     */
    public void forEachKeywords(String topic, BiConsumer<String, String> each) {
        String where = LIVE_HQL + " and s.keywords is not null" + (topic == null ? "" : " and s.primaryTopic = :topic");
        UUID after = null;
        while (true) {
            var query = em.createQuery(
                    "select s.suggestionId, s.primaryTopic, s.keywords from TaggedSuggestion s where "
                    + where + (after == null ? "" : " and s.suggestionId > :after") + " order by s.suggestionId",
                    Object[].class).setMaxResults(keywordPage);
            if (topic != null) {
                query.setParameter("topic", topic);
            }
            if (after != null) {
                query.setParameter("after", after);
            }
            List<Object[]> page = query.getResultList();
            for (Object[] r : page) {
                each.accept((String) r[1], (String) r[2]);
            }
            if (page.size() < keywordPage) {
                return;
            }
            after = (UUID) page.get(page.size() - 1)[0];
        }
    }

    /** The {@code limit} largest points per primary topic (or of one topic), largest first, then earliest raised. */
    public List<PointRow> topPoints(String topic, int limit) {
        // The point key is computed once, in an inner query, and ranked by the window over it.
        String sql = "select primary_topic, point_key, n from ("
                + " select primary_topic, point_key, count(*) as n,"
                + " row_number() over (partition by primary_topic order by count(*) desc, min(submitted_at), "
                + "point_key) as rank_in_topic"
                + " from (select primary_topic, " + POINT_KEY + " as point_key, submitted_at, merge_sequence"
                + " from tagged_suggestion where " + LIVE
                + (topic == null ? "" : " and primary_topic = :topic") + ") live"
                + " group by primary_topic, point_key having " + IS_POINT + ") ranked where rank_in_topic <= " + limit
                + " order by primary_topic, n desc, rank_in_topic";
        var query = em.createNativeQuery(sql);
        if (topic != null) {
            query.setParameter("topic", topic);
        }
        List<PointRow> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            rows.add(new PointRow((String) r[0], uuid(r[1]), number(r[2])));
        }
        return rows;
    }

    /**
     * A representative of each point: the cluster's first suggestion when it is live, else the point's earliest live
     * suggestion.
     */
    public Map<UUID, TaggedSuggestion> representatives(Collection<UUID> pointKeys) {
        Map<UUID, TaggedSuggestion> chosen = new HashMap<>();
        if (pointKeys.isEmpty()) {
            return chosen;
        }
        List<TaggedSuggestion> candidates = em.createQuery("select s from TaggedSuggestion s where " + LIVE_HQL
                + " and ((s.clusterId in :keys and s.suggestionId = s.clusterFirstSuggestionId)"
                + " or (s.clusterId is null and s.suggestionId in :keys))", TaggedSuggestion.class)
                .setParameter("keys", pointKeys).getResultList();
        for (TaggedSuggestion s : candidates) {
            chosen.put(s.clusterId != null ? s.clusterId : s.suggestionId, s);
        }
        for (UUID key : pointKeys) {
            if (!chosen.containsKey(key)) {
                em.createQuery("select s from TaggedSuggestion s where " + LIVE_HQL + " and s.clusterId = :key"
                        + " order by s.submittedAt, s.suggestionId", TaggedSuggestion.class)
                        .setParameter("key", key).setMaxResults(1).getResultStream().findFirst()
                        .ifPresent(s -> chosen.put(key, s));
            }
        }
        return chosen;
    }

    /** One primary topic's live suggestions, newest first. */
    public List<TaggedSuggestion> suggestionsOfTopic(String topic, int page, int size) {
        return em.createQuery("select s from TaggedSuggestion s where " + LIVE_HQL + " and s.primaryTopic = :topic"
                + " order by s.submittedAt desc, s.suggestionId", TaggedSuggestion.class)
                .setParameter("topic", topic).setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long countOfTopic(String topic) {
        return em.createQuery("select count(s) from TaggedSuggestion s where " + LIVE_HQL
                + " and s.primaryTopic = :topic", Long.class)
                .setParameter("topic", topic).getSingleResult();
    }

    /** One district's live suggestions in a perspective, oldest first (the order a list is read in). */
    public List<TaggedSuggestion> suggestionsOfDistrict(Perspective by, String district) {
        String field = by == Perspective.STATION ? "s.stationDistrict" : "s.subjectDistrict";
        return em.createQuery("select s from TaggedSuggestion s where " + LIVE_HQL + " and " + field + " = :district"
                + " order by s.submittedAt, s.suggestionId", TaggedSuggestion.class)
                .setParameter("district", district).getResultList();
    }

    public List<Forum> forums() {
        return em.createQuery("select f from Forum f order by f.heldOn, f.name", Forum.class).getResultList();
    }

    private static Map<String, Long> counts(List<?> rows) {
        Map<String, Long> counts = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            counts.merge((String) r[0], number(r[1]), Long::sum);
        }
        return counts;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    /** A UUID column as native queries return it (PostgreSQL's driver gives a UUID). */
    private static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }
}
