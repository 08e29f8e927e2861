package io.planconsult.reporting.tally;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import io.planconsult.contract.ForumRecorded;
import io.planconsult.contract.SuggestionRetagged;
import io.planconsult.contract.SuggestionTagged;
import io.planconsult.contract.SuggestionWithdrawn;
import io.planconsult.contract.SuggestionsMerged;

/**
 * A rebuild's read model in memory: replayed events are folded per suggestion by the same rules as the ledger
 * ({@link SuggestionLifecycle}), each event id once, so the database is written once at the end
 * ({@link ReadModel#writeRebuild}) instead of one transaction per event. Not thread-safe: one replay thread owns it.
 */
public final class ReplayFold {

    final Map<UUID, TaggedSuggestion> suggestions = new HashMap<>();
    final Set<UUID> eventIds = new HashSet<>();
    final Map<UUID, Forum> forums = new HashMap<>();

    /**
     * @param event a contract record (SuggestionTagged, SuggestionWithdrawn, SuggestionRetagged, SuggestionsMerged,
     *              ForumRecorded)
     * @return whether the event was new (false for one already folded)
     */
    public boolean apply(UUID eventId, Record event) {
        if (!eventIds.add(eventId)) {
            return false;
        }
        switch (event) {
            case SuggestionTagged e -> change(eventId, e.suggestionId(), row -> SuggestionLifecycle.tag(row, eventId, e));
            case SuggestionWithdrawn e -> change(eventId, e.suggestionId(), row -> SuggestionLifecycle.withdraw(row, e));
            case SuggestionRetagged e -> change(eventId, e.suggestionId(), row -> SuggestionLifecycle.retag(row, e));
            case SuggestionsMerged e -> {
                for (UUID suggestionId : e.suggestionIds()) {
                    change(eventId, suggestionId,
                            row -> SuggestionLifecycle.merge(row, e.sequence(), e.clusterId(), e.clusterFirstSuggestionId()));
                }
            }
            case ForumRecorded e -> forum(e);
            default -> {
                eventIds.remove(eventId);
                throw new IllegalArgumentException("not an event reporting applies: " + event.getClass().getSimpleName());
            }
        }
        return true;
    }

    public int suggestionCount() {
        return suggestions.size();
    }

    public int eventCount() {
        return eventIds.size();
    }

    /** The folded state of every suggestion an event named. */
    public Collection<TaggedSuggestion> suggestions() {
        return suggestions.values();
    }

    /** Joins a state stored by live consumption (see {@link SuggestionLifecycle#combine}). */
    void combine(TaggedSuggestion stored) {
        TaggedSuggestion row = suggestions.get(stored.suggestionId);
        if (row == null) {
            suggestions.put(stored.suggestionId, stored);
        } else if (SuggestionLifecycle.combine(row, stored) || row.lastEventId == null) {
            row.lastEventId = stored.lastEventId;
            row.updatedAt = Instant.now();
        }
    }

    /** Joins a forum stored by live consumption: of two records of one forum the later {@code recordedAt} is kept. */
    void combine(Forum stored) {
        Forum forum = forums.get(stored.forumId);
        if (forum == null || stored.recordedAt != null && (forum.recordedAt == null || stored.recordedAt.isAfter(forum.recordedAt))) {
            forums.put(stored.forumId, stored);
        }
    }

    private void change(UUID eventId, UUID suggestionId, Predicate<TaggedSuggestion> rule) {
        TaggedSuggestion row = suggestions.get(suggestionId);
        boolean isNew = row == null;
        if (isNew) {
            row = SuggestionLifecycle.placeholder(suggestionId);
        }
        if (!rule.test(row)) {
            return;
        }
        row.lastEventId = eventId;
        row.updatedAt = Instant.now();
        if (isNew) {
            suggestions.put(suggestionId, row);
        }
    }

    /** As {@link TallyLedger#apply(UUID, ForumRecorded)}: the later {@code recordedAt} is kept. */
    private void forum(ForumRecorded e) {
        Forum forum = forums.get(e.forumId());
        if (forum != null && forum.recordedAt != null && !e.recordedAt().isAfter(forum.recordedAt)) {
            return;
        }
        forum = new Forum();
        forum.forumId = e.forumId();
        forum.name = e.name();
        forum.heldOn = e.heldOn();
        forum.district = e.district();
        forum.stationId = e.stationId();
        forum.participants = e.participants();
        forum.deputiesPresent = e.deputiesPresent();
        forum.suggestionCount = e.suggestionCount();
        forum.recordedAt = e.recordedAt();
        forums.put(e.forumId(), forum);
    }
}
