package io.planconsult.reporting.tally;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
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
     * What applying one event did, for the caller's one log line about it.
     *
     * @param isNew  false for an event already applied (a redelivery), which changes nothing
     * @param effect what moved, as {@code key=value} pairs: {@code suggestion= revision= counted= topic= cluster=} for
     *               each suggestion the event changed, {@code forum= district=} for a forum it recorded; empty when
     *               nothing moved
     */
    public record Applied(boolean isNew, String effect) {
    }

    /**
     * @param event a contract record (see {@link LifecycleEvent#of})
     */
    @Transactional
    public Applied apply(UUID eventId, Record event) {
        return applyAll(List.of(new EventToApply(eventId, event))).getFirst();
    }

    /**
     * Applies a batch of events in one transaction: one query finds the ids already applied (a redelivery, also of an
     * event twice in the batch, changes nothing), the suggestions the new events name are read and locked at once in
     * id order, each event is joined into its suggestions' states in batch order, and the tally changes of the whole
     * batch are folded and written once (a cell many events touch is updated once). The inserts go out as JDBC
     * batches. A failure rolls the whole batch back; the caller retries it, or applies its events one by one to find
     * the one that fails.
     *
     * @return per event, in order: whether it was new and what it moved
     */
    @Transactional
    public List<Applied> applyAll(List<EventToApply> events) {
        EntityManager em = Panache.getEntityManager();
        Set<UUID> seen = new HashSet<>(em.createQuery(
                "select a.eventId from AppliedEvent a where a.eventId in :ids", UUID.class)
                .setParameter("ids", events.stream().map(EventToApply::eventId).distinct().toList())
                .getResultList());
        List<Boolean> isNew = new ArrayList<>(events.size());
        List<LifecycleEvent> effects = new ArrayList<>(events.size());
        Instant now = Instant.now();
        for (EventToApply e : events) {
            boolean fresh = seen.add(e.eventId());
            isNew.add(fresh);
            if (!fresh) {
                LOG.debugf("event %s already applied", e.eventId());
                continue;
            }
            AppliedEvent applied = new AppliedEvent();
            applied.eventId = e.eventId();
            applied.appliedAt = now;
            em.persist(applied);
            effects.add(LifecycleEvent.of(e.eventId(), e.event()));
        }
        Map<UUID, TaggedSuggestion> states = lockStates(em, effects);
        TallyFold fold = new TallyFold();
        Iterator<LifecycleEvent> next = effects.iterator();
        List<Applied> applied = new ArrayList<>(events.size());
        for (boolean fresh : isNew) {
            if (!fresh) {
                applied.add(new Applied(false, ""));
                continue;
            }
            LifecycleEvent effect = next.next();
            StringJoiner moved = new StringJoiner(" ");
            for (TaggedSuggestion said : effect.suggestions()) {
                join(em, states, said, effect.eventId(), fold).ifPresent(moved::add);
            }
            if (effect.forum() != null) {
                recordForum(em, effect.forum()).ifPresent(moved::add);
            }
            applied.add(new Applied(true, moved.toString()));
        }
        write(em, fold, effects.stream().flatMap(e -> e.suggestions().stream()).map(s -> s.suggestionId)
                .findFirst().orElse(null), !effects.isEmpty());
        return applied;
    }

    /** The stored states of every suggestion the events name, locked in id order; a placeholder for one unknown. */
    private static Map<UUID, TaggedSuggestion> lockStates(EntityManager em, List<LifecycleEvent> effects) {
        Set<UUID> ids = new TreeSet<>();
        effects.forEach(e -> e.suggestions().forEach(s -> ids.add(s.suggestionId)));
        Map<UUID, TaggedSuggestion> states = new HashMap<>();
        if (ids.isEmpty()) {
            return states;
        }
        em.createQuery("from TaggedSuggestion where suggestionId in :ids order by suggestionId",
                        TaggedSuggestion.class)
                .setParameter("ids", ids)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(s -> states.put(s.suggestionId, s));
        return states;
    }

    /** @return what moved, for the log line; empty when the event leaves the suggestion as it is */
    private static Optional<String> join(EntityManager em, Map<UUID, TaggedSuggestion> states, TaggedSuggestion said,
            UUID eventId, TallyFold fold) {
        TaggedSuggestion row = states.get(said.suggestionId);
        boolean isNew = row == null;
        TaggedSuggestion state = isNew ? SuggestionLifecycle.placeholder(said.suggestionId) : row;
        Optional<TallyArithmetic.Changes> changes = SuggestionLifecycle.apply(state, said);
        if (changes.isEmpty()) {
            LOG.debugf("event %s leaves suggestion %s as it is", eventId, said.suggestionId);
            return Optional.empty();
        }
        if (isNew) {
            em.persist(state);
            states.put(state.suggestionId, state);
        }
        fold.add(changes.get());
        return Optional.of("suggestion=%s revision=%d counted=%b topic=%s cluster=%s".formatted(state.suggestionId,
                state.revision, !Contribution.of(state).isNone(), state.primaryTopic, state.clusterId));
    }

    /** @return what moved, for the log line; empty when a later record of the forum is held already */
    private static Optional<String> recordForum(EntityManager em, Forum incoming) {
        Forum held = em.find(Forum.class, incoming.forumId, LockModeType.PESSIMISTIC_WRITE);
        if (Forum.later(held, incoming) == held) {
            return Optional.empty();
        }
        if (held == null) {
            em.persist(incoming);
        } else {
            em.merge(incoming);
        }
        return Optional.of("forum=%s district=%s".formatted(incoming.forumId, incoming.district));
    }

    /**
     * Adds a fold to the stored memberships and cells, and bumps the change counter's slot of {@code suggestionId}
     * whenever the batch changed anything (a forum, a keyword, a text: the cached general report depends on them too).
     * The memberships the fold touches are read and locked in one query, in key order
     * ({@link ClusterMemberships#lockAll}), changed in two statements, and the cells added to in one upsert.
     */
    private void write(EntityManager em, TallyFold fold, UUID suggestionId, boolean changed) {
        if (!fold.isEmpty()) {
            Map<TallyFold.MemberKey, Long> stored = ClusterMemberships.lockAll(em, fold.members().keySet());
            fold.settle(key -> stored.getOrDefault(key, 0L));
            ClusterMemberships.store(em, fold.members());
            ClusterMemberships.addToCells(em, fold.cells());
        }
        if (changed) {
            version.bump(suggestionId);
        }
    }
}
