package io.planconsult.reporting.tally;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A rebuild's read model in memory: replayed events are joined per suggestion by the ledger's rule
 * ({@link SuggestionLifecycle#apply}), each event id once, so the database is written once at the end
 * ({@link RebuildWriter#write}) instead of one transaction per event. Not thread-safe: one replay thread owns it.
 */
public final class ReplayFold {

    final Map<UUID, TaggedSuggestion> suggestions = new HashMap<>();
    final Set<UUID> eventIds = new HashSet<>();
    final Map<UUID, Forum> forums = new HashMap<>();

    /**
     * @param event a contract record (see {@link LifecycleEvent#of})
     * @return whether the event was new (false for one already folded)
     */
    public boolean apply(UUID eventId, Record event) {
        if (eventIds.contains(eventId)) {
            return false;
        }
        LifecycleEvent effect = LifecycleEvent.of(eventId, event);
        eventIds.add(eventId);
        effect.suggestions().forEach(this::join);
        if (effect.forum() != null) {
            join(effect.forum());
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

    /** The tallies of the folded states. */
    public TallyFold tallies() {
        return TallyFold.recount(suggestions.values());
    }

    /** Joins a state (an event's, or one stored by live consumption) by the lifecycle's rule. */
    void join(TaggedSuggestion said) {
        TaggedSuggestion state = suggestions.computeIfAbsent(said.suggestionId, SuggestionLifecycle::placeholder);
        SuggestionLifecycle.apply(state, said);
    }

    /** Joins a forum record (an event's, or one stored by live consumption) by the forum rule. */
    void join(Forum incoming) {
        forums.put(incoming.forumId, Forum.later(forums.get(incoming.forumId), incoming));
    }
}
