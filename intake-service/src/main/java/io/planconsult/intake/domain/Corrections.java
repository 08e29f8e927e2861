package io.planconsult.intake.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.jboss.logging.Logger;

import io.planconsult.contract.EventIds;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.SuggestionRetagged;
import io.planconsult.contract.SuggestionsMerged;
import io.planconsult.contract.Topics;
import io.planconsult.contract.reference.ReferenceData;
import io.planconsult.intake.outbox.Outbox;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Analysts' corrections: a human re-tag and a duplicate merge, each stored, audited and published on the public
 * corrections topic in one transaction. Each carries a number from a database sequence, so consumers can keep the
 * latest correction per suggestion whatever order the events arrive in.
 */
@ApplicationScoped
public class Corrections {

    private static final Logger LOG = Logger.getLogger(Corrections.class);
    public static final int MAX_LABELS = 3;
    public static final int MAX_MERGE = 500;

    /** The outcome of a merge. */
    public record Merge(UUID clusterId, UUID clusterFirstSuggestionId, List<UUID> suggestionIds, long sequence) {
    }

    /** The outcome of a re-tag. */
    public record Retag(UUID suggestionId, String primaryTopic, List<String> labels, long sequence) {
    }

    private final Outbox outbox;
    private final AuditTrail audit;
    private final Set<String> topicCodes;
    private final Clock clock = Clock.systemUTC();

    Corrections(Outbox outbox, AuditTrail audit) {
        this.outbox = outbox;
        this.audit = audit;
        this.topicCodes = Set.copyOf(ReferenceData.taxonomy().codes());
    }

    /**
     * Sets a suggestion's topics by hand: {@code primaryTopic} plus up to two more labels.
     *
     * @throws InvalidSubmissionException  an unknown topic code, or too many labels
     * @throws SuggestionConflictException the suggestion was withdrawn
     */
    @Transactional
    public Retag retag(UUID id, String primaryTopic, List<String> labels, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        if (primaryTopic == null || !topicCodes.contains(primaryTopic)) {
            errors.add(new FieldError("primaryTopic", "must be one of " + sortedCodes()));
        }
        List<String> given = labels == null ? List.of() : labels;
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) == null || !topicCodes.contains(given.get(i))) {
                errors.add(new FieldError("labels[" + i + "]", "must be one of " + sortedCodes()));
            }
        }
        LinkedHashSet<String> all = new LinkedHashSet<>();
        all.add(primaryTopic);
        all.addAll(given);
        if (all.size() > MAX_LABELS) {
            errors.add(new FieldError("labels", "at most " + MAX_LABELS + " topics in all, the primary included"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        Suggestion s = SuggestionChanges.lock(id);
        SuggestionChanges.requireNotWithdrawn(s, "re-tagged");
        Instant now = clock.instant();
        long sequence = nextSequence();
        List<String> ordered = List.copyOf(all);
        s.humanPrimaryTopic = primaryTopic;
        s.humanLabels = String.join(",", ordered);
        s.updatedAt = now;
        outbox.add(Topics.CORRECTIONS, s.id.toString(), EventTypes.SUGGESTION_RETAGGED,
                new SuggestionRetagged(s.id, sequence, primaryTopic, ordered, now), now);
        audit.record(s.id, actor, AuditTrail.RETAGGED, List.of("topics"),
                "labels=" + s.humanLabels + " sequence=" + sequence, now);
        LOG.infof("suggestion retagged id=%s primary=%s sequence=%d by=%s", s.id, primaryTopic, sequence, actor.role());
        return new Retag(s.id, primaryTopic, ordered, sequence);
    }

    /**
     * Merges suggestions into one near-duplicate cluster, whose first suggestion is the earliest received. A merge of a
     * single suggestion promotes it: reports count a cluster an analyst made as a point whatever its size.
     *
     * @throws InvalidSubmissionException  no ids, a repeated id, too many, or an unknown id
     * @throws SuggestionConflictException one of them was withdrawn
     */
    @Transactional
    public Merge merge(List<UUID> ids, Actor actor) {
        List<UUID> distinct = ids == null ? List.of() : ids.stream().distinct().toList();
        // One id promotes a suggestion to a point of its own: reports list only clusters of two or more otherwise.
        if (distinct.isEmpty() || distinct.size() != ids.size() || distinct.size() > MAX_MERGE
                || distinct.contains(null)) {
            throw new InvalidSubmissionException(List.of(new FieldError("suggestionIds",
                    "give 1 to " + MAX_MERGE + " distinct suggestion ids (one: promote it to a point of its own)")));
        }
        // Locked in id order, so two merges over overlapping sets cannot deadlock.
        List<Suggestion> found = new ArrayList<>();
        List<FieldError> unknown = new ArrayList<>();
        for (UUID id : distinct.stream().sorted().toList()) {
            Suggestion s = Suggestion.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (s == null) {
                unknown.add(new FieldError("suggestionIds[" + ids.indexOf(id) + "]", "no suggestion " + id));
            } else {
                found.add(s);
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidSubmissionException(unknown);
        }
        for (Suggestion s : found) {
            SuggestionChanges.requireNotWithdrawn(s, "merged");
        }
        found.sort(Comparator.<Suggestion, Instant>comparing(s -> s.receivedAt).thenComparing(s -> s.id));
        UUID first = found.getFirst().id;
        UUID cluster = EventIds.cluster(first);
        List<UUID> members = found.stream().map(s -> s.id).toList();
        Instant now = clock.instant();
        long sequence = nextSequence();
        for (Suggestion s : found) {
            s.mergedClusterId = cluster;
            s.updatedAt = now;
            audit.record(s.id, actor, AuditTrail.MERGED, List.of("cluster"),
                    "cluster=" + cluster + " sequence=" + sequence, now);
        }
        outbox.add(Topics.CORRECTIONS, cluster.toString(), EventTypes.SUGGESTIONS_MERGED,
                new SuggestionsMerged(cluster, first, members, sequence, now), now);
        LOG.infof("suggestions merged cluster=%s first=%s count=%d sequence=%d by=%s", cluster, first, members.size(),
                sequence, actor.role());
        return new Merge(cluster, first, members, sequence);
    }

    private List<String> sortedCodes() {
        return topicCodes.stream().sorted().toList();
    }

    /** The next value of correction_seq, in the SQL of whichever database this is. */
    private static long nextSequence() {
        EntityManager em = Panache.getEntityManager();
        String sql = em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect()
                .getSequenceSupport().getSequenceNextValString("correction_seq");
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
