package io.planconsult.reporting.tally;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.jboss.logging.Logger;

import io.planconsult.contract.ForumRecorded;
import io.planconsult.contract.SuggestionRetagged;
import io.planconsult.contract.SuggestionTagged;
import io.planconsult.contract.SuggestionWithdrawn;
import io.planconsult.contract.SuggestionsMerged;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Applies events to the read model: in one transaction it records the event id, changes the suggestion's state by
 * the rules of {@link SuggestionLifecycle}, and moves its contribution between tally cells. An id already recorded
 * changes nothing, so redelivery and replay never double-count; the rules make the result independent of the order
 * events arrive in, across topics too. A concurrent first insert of the same row (a cell, a suggestion, an event id)
 * fails on its primary key; the caller retries the event in a new transaction.
 */
@ApplicationScoped
public class TallyLedger {

    private static final Logger LOG = Logger.getLogger(TallyLedger.class);

    /** @return whether the event was new (false for an event already applied) */
    @Transactional
    public boolean apply(UUID eventId, SuggestionTagged e) {
        return once(eventId, () -> change(eventId, e.suggestionId(), row -> SuggestionLifecycle.tag(row, eventId, e)));
    }

    @Transactional
    public boolean apply(UUID eventId, SuggestionWithdrawn e) {
        return once(eventId, () -> change(eventId, e.suggestionId(), row -> SuggestionLifecycle.withdraw(row, e)));
    }

    @Transactional
    public boolean apply(UUID eventId, SuggestionRetagged e) {
        return once(eventId, () -> change(eventId, e.suggestionId(), row -> SuggestionLifecycle.retag(row, e)));
    }

    @Transactional
    public boolean apply(UUID eventId, SuggestionsMerged e) {
        return once(eventId, () -> {
            boolean changed = false;
            // Sorted: two merges touching the same suggestions lock them in the same order.
            for (UUID suggestionId : new TreeSet<>(e.suggestionIds())) {
                changed |= change(eventId, suggestionId,
                        row -> SuggestionLifecycle.merge(row, e.sequence(), e.clusterId(), e.clusterFirstSuggestionId()));
            }
            return changed;
        });
    }

    /** A forum is recorded once; of two records of the same forum the later {@code recordedAt} is kept. */
    @Transactional
    public boolean apply(UUID eventId, ForumRecorded e) {
        return once(eventId, () -> {
            Forum forum = Forum.findById(e.forumId(), LockModeType.PESSIMISTIC_WRITE);
            boolean isNew = forum == null;
            if (!isNew && forum.recordedAt != null && !e.recordedAt().isAfter(forum.recordedAt)) {
                return false;
            }
            if (isNew) {
                forum = new Forum();
                forum.forumId = e.forumId();
            }
            forum.name = e.name();
            forum.heldOn = e.heldOn();
            forum.district = e.district();
            forum.stationId = e.stationId();
            forum.participants = e.participants();
            forum.deputiesPresent = e.deputiesPresent();
            forum.suggestionCount = e.suggestionCount();
            forum.recordedAt = e.recordedAt();
            if (isNew) {
                forum.persist();
            }
            LOG.infof("applied event=%s forum=%s district=%s", eventId, e.forumId(), e.district());
            return true;
        });
    }

    private static boolean once(UUID eventId, BooleanSupplier effect) {
        if (AppliedEvent.findById(eventId) != null) {
            LOG.debugf("event %s already applied", eventId);
            return false;
        }
        AppliedEvent applied = new AppliedEvent();
        applied.eventId = eventId;
        applied.appliedAt = Instant.now();
        applied.persist();
        effect.getAsBoolean();
        return true;
    }

    private static boolean change(UUID eventId, UUID suggestionId, Predicate<TaggedSuggestion> rule) {
        TaggedSuggestion row = TaggedSuggestion.findById(suggestionId, LockModeType.PESSIMISTIC_WRITE);
        boolean isNew = row == null;
        if (isNew) {
            row = SuggestionLifecycle.placeholder(suggestionId);
        }
        Contribution before = Contribution.of(row);
        if (!rule.test(row)) {
            LOG.debugf("event %s leaves suggestion %s as it is", eventId, suggestionId);
            return false;
        }
        row.lastEventId = eventId;
        row.updatedAt = Instant.now();
        if (isNew) {
            row.persist();
        }
        Contribution after = Contribution.of(row);
        apply(TallyArithmetic.diff(before, after));
        LOG.infof("applied event=%s suggestion=%s revision=%d counted=%b topic=%s cluster=%s", eventId, suggestionId, row.revision,
                !after.isNone(), row.primaryTopic, row.clusterId);
        return true;
    }

    private static void apply(TallyArithmetic.Changes changes) {
        if (changes.isEmpty()) {
            return;
        }
        EntityManager em = Panache.getEntityManager();
        // Cells are updated in a fixed order (see TallyArithmetic.CELL_ORDER) so concurrent transactions do not deadlock.
        Map<CellKey, long[]> cells = new TreeMap<>();
        for (MemberDelta m : changes.members()) {
            var key = new TallyClusterMember.Key(m.dimension().code(), m.bucket(), m.topic(), m.clusterId());
            TallyClusterMember member = em.find(TallyClusterMember.class, key, LockModeType.PESSIMISTIC_WRITE);
            long before = member == null ? 0 : member.members;
            long after = before + m.members();
            if (member == null) {
                member = new TallyClusterMember();
                member.perspective = key.perspective();
                member.district = key.district();
                member.topic = key.topic();
                member.clusterId = key.clusterId();
                member.members = after;
                member.persist();
            } else if (after == 0) {
                member.delete();
            } else {
                member.members = after;
            }
            cells.computeIfAbsent(new CellKey(m.dimension(), m.bucket(), m.topic()), k -> new long[3])[2] +=
                    TallyArithmetic.clusterDelta(before, after);
        }
        for (TallyDelta d : changes.cells()) {
            long[] c = cells.computeIfAbsent(new CellKey(d.dimension(), d.bucket(), d.topic()), k -> new long[3]);
            c[0] += d.primary();
            c[1] += d.mentions();
        }
        cells.forEach((key, c) -> addToCell(em, key, c[0], c[1], c[2]));
        em.createNativeQuery("UPDATE tally_version SET version = version + 1 WHERE id = 1").executeUpdate();
    }

    private record CellKey(TallyDimension dimension, String bucket, String topic) implements Comparable<CellKey> {
        private static final Comparator<CellKey> ORDER = Comparator.comparing(CellKey::dimension)
                .thenComparing(CellKey::bucket).thenComparing(CellKey::topic);

        @Override
        public int compareTo(CellKey other) {
            return ORDER.compare(this, other);
        }
    }

    private static void addToCell(EntityManager em, CellKey key, long primary, long mentions, long clusters) {
        if (primary == 0 && mentions == 0 && clusters == 0) {
            return;
        }
        int updated = em.createQuery("update TallyCell set primaryCount = primaryCount + :p, mentionCount = mentionCount + :m, "
                        + "clusterCount = clusterCount + :c where perspective = :perspective and district = :district and topic = :topic")
                .setParameter("p", primary)
                .setParameter("m", mentions)
                .setParameter("c", clusters)
                .setParameter("perspective", key.dimension().code())
                .setParameter("district", key.bucket())
                .setParameter("topic", key.topic())
                .executeUpdate();
        if (updated == 0) {
            TallyCell cell = new TallyCell();
            cell.perspective = key.dimension().code();
            cell.district = key.bucket();
            cell.topic = key.topic();
            cell.primaryCount = primary;
            cell.mentionCount = mentions;
            cell.clusterCount = clusters;
            cell.persist();
            em.flush();
        }
    }

}
