package io.planconsult.reporting.tally;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Applies events to the read model, live: in one transaction it records the event id, joins what the event says into
 * each named suggestion's state ({@link SuggestionLifecycle#apply}), folds the tally changes ({@link TallyFold}) and
 * adds them to the stored cells. An id already recorded changes nothing, so redelivery and replay never double-count;
 * the rules make the result independent of the order events arrive in, across topics too. A concurrent first insert
 * of the same row (a cell, a suggestion, an event id) fails on its primary key; the caller retries the event.
 */
@ApplicationScoped
public class TallyLedger {

    private static final Logger LOG = Logger.getLogger(TallyLedger.class);

    private final TallyVersion version;

    @Inject
    TallyLedger(TallyVersion version) {
        this.version = version;
    }

    /** For the container's client proxies of subclasses (a test's alternative ledger); never applies events. */
    protected TallyLedger() {
        this(null);
    }

    /**
     * @param event a contract record (see {@link LifecycleEvent#of})
     * @return whether the event was new (false for an event already applied)
     */
    @Transactional
    public boolean apply(UUID eventId, Record event) {
        EntityManager em = Panache.getEntityManager();
        if (em.find(AppliedEvent.class, eventId) != null) {
            LOG.debugf("event %s already applied", eventId);
            return false;
        }
        AppliedEvent applied = new AppliedEvent();
        applied.eventId = eventId;
        applied.appliedAt = Instant.now();
        em.persist(applied);
        LifecycleEvent effect = LifecycleEvent.of(eventId, event);
        TallyFold fold = new TallyFold();
        for (TaggedSuggestion said : effect.suggestions()) {
            TaggedSuggestion row = em.find(TaggedSuggestion.class, said.suggestionId, LockModeType.PESSIMISTIC_WRITE);
            boolean isNew = row == null;
            TaggedSuggestion state = isNew ? SuggestionLifecycle.placeholder(said.suggestionId) : row;
            SuggestionLifecycle.apply(state, said).ifPresentOrElse(changes -> {
                if (isNew) {
                    em.persist(state);
                }
                fold.add(changes);
                LOG.infof("applied event=%s suggestion=%s revision=%d counted=%b topic=%s cluster=%s", eventId,
                        state.suggestionId, state.revision, !Contribution.of(state).isNone(), state.primaryTopic,
                        state.clusterId);
            }, () -> LOG.debugf("event %s leaves suggestion %s as it is", eventId, said.suggestionId));
        }
        if (effect.forum() != null) {
            recordForum(em, effect.forum());
        }
        write(em, fold, effect.suggestions().isEmpty() ? null : effect.suggestions().getFirst().suggestionId);
        return true;
    }

    private static void recordForum(EntityManager em, Forum incoming) {
        Forum held = em.find(Forum.class, incoming.forumId, LockModeType.PESSIMISTIC_WRITE);
        if (Forum.later(held, incoming) == held) {
            return;
        }
        if (held == null) {
            em.persist(incoming);
        } else {
            em.merge(incoming);
        }
        LOG.infof("applied forum=%s district=%s", incoming.forumId, incoming.district);
    }

    /**
     * Adds a fold to the stored memberships and cells, locking each row in the fold's key order, and bumps the change
     * counter's slot of {@code suggestionId}.
     */
    private void write(EntityManager em, TallyFold fold, UUID suggestionId) {
        if (fold.isEmpty()) {
            return;
        }
        Map<TallyFold.MemberKey, TallyClusterMember> held = new java.util.HashMap<>();
        fold.settle(key -> {
            TallyClusterMember member = em.find(TallyClusterMember.class, memberKey(key),
                    LockModeType.PESSIMISTIC_WRITE);
            held.put(key, member);
            return member == null ? 0 : member.members;
        });
        fold.members().forEach((key, m) -> {
            TallyClusterMember member = held.get(key);
            if (m[2] == m[1]) {
                return;
            }
            if (member == null) {
                member = new TallyClusterMember();
                member.perspective = key.dimension().code();
                member.district = key.bucket();
                member.topic = key.topic();
                member.clusterId = key.clusterId();
                member.members = m[2];
                em.persist(member);
            } else if (m[2] == 0) {
                em.remove(member);
            } else {
                member.members = m[2];
            }
        });
        fold.cells().forEach((key, c) -> addToCell(em, key, c[0], c[1], c[2]));
        version.bump(suggestionId);
    }

    private static TallyClusterMember.Key memberKey(TallyFold.MemberKey key) {
        return new TallyClusterMember.Key(key.dimension().code(), key.bucket(), key.topic(), key.clusterId());
    }

    private static void addToCell(EntityManager em, TallyFold.CellKey key, long primary, long mentions, long clusters) {
        if (primary == 0 && mentions == 0 && clusters == 0) {
            return;
        }
        int updated = em.createQuery("update TallyCell set primaryCount = primaryCount + :p, "
                        + "mentionCount = mentionCount + :m, clusterCount = clusterCount + :c "
                        + "where perspective = :perspective and district = :district and topic = :topic")
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
            em.persist(cell);
            em.flush();
        }
    }
}
