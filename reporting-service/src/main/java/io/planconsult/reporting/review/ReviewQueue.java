package io.planconsult.reporting.review;

import io.planconsult.contract.ReviewReasons;
import io.planconsult.reporting.tally.Perspective;
import io.planconsult.reporting.tally.TaggedSuggestion;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysts' review queue: suggestions the tagging service flagged, with its reasons, that no analyst has
 * re-tagged yet. A re-tag (the corrections flow) settles the tags, so it takes a suggestion off the queue;
 * a withdrawn one leaves it too.
 */
@ApplicationScoped
public class ReviewQueue {

    /** The queue's filter: each part may be null. */
    public record Filter(String reason, String district, Perspective by, String topic) {
    }

    /** One page of the queue, and how many of the filtered suggestions carry each reason. */
    public record QueuePage(int page, int size, long total, Map<String, Long> byReason, List<TaggedSuggestion> items) {
    }

    private static final String FLAGGED = "tagged = true and withdrawn = false and needsReview = true "
            + "and humanSequence is null";

    @Transactional
    public QueuePage page(Filter filter, int page, int size) {
        Parameters params = new Parameters();
        StringBuilder where = new StringBuilder(FLAGGED);
        if (filter.district() != null) {
            where.append(filter.by() == Perspective.STATION ? " and stationDistrict = :district"
                    : " and subjectDistrict = :district");
            params.and("district", filter.district());
        }
        if (filter.topic() != null) {
            where.append(" and primaryTopic = :topic");
            params.and("topic", filter.topic());
        }
        Map<String, Long> byReason = countByReason(where.toString(), params);
        if (filter.reason() != null) {
            where.append(" and concat(',', reviewReasons, ',') like :reason");
            params.and("reason", "%," + filter.reason() + ",%");
        }
        var query = TaggedSuggestion.<TaggedSuggestion>find(where.toString(),
                Sort.descending("submittedAt").and("suggestionId"), params);
        return new QueuePage(page, size, query.count(), byReason, query.page(Page.of(page, size)).list());
    }

    private static Map<String, Long> countByReason(String where, Parameters params) {
        Map<String, Long> counts = new LinkedHashMap<>();
        ReviewReasons.ALL.forEach(r -> counts.put(r, 0L));
        var query = TaggedSuggestion.getEntityManager()
                .createQuery("select reviewReasons from TaggedSuggestion where " + where, String.class);
        params.map().forEach(query::setParameter);
        List<String> lists = query.getResultList();
        for (String list : lists) {
            if (list != null) {
                Arrays.stream(list.split(",")).filter(counts::containsKey).forEach(r -> counts.merge(r, 1L, Long::sum));
            }
        }
        return counts;
    }
}
