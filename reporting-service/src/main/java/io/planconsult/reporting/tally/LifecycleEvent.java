package io.planconsult.reporting.tally;

import java.util.List;
import java.util.UUID;

import io.planconsult.contract.ForumRecorded;
import io.planconsult.contract.SuggestionRetagged;
import io.planconsult.contract.SuggestionTagged;
import io.planconsult.contract.SuggestionWithdrawn;
import io.planconsult.contract.SuggestionsMerged;

/**
 * One event as the read model applies it: the partial state it gives each suggestion it names (in suggestion-id
 * order, the order the ledger locks them in), or the forum it records. The only dispatch on the event's type.
 *
 * @param suggestions partial states for {@link SuggestionLifecycle#apply}
 * @param forum       the forum record for {@link Forum#later}, or null
 */
public record LifecycleEvent(UUID eventId, List<TaggedSuggestion> suggestions, Forum forum) {

    /**
     * @param event a contract record: SuggestionTagged, SuggestionWithdrawn, SuggestionRetagged, SuggestionsMerged or
     *              ForumRecorded
     */
    public static LifecycleEvent of(UUID eventId, Record event) {
        return switch (event) {
            case SuggestionTagged e -> suggestion(eventId, SuggestionLifecycle.tagged(eventId, e));
            case SuggestionWithdrawn e -> suggestion(eventId, SuggestionLifecycle.withdrawn(eventId, e));
            case SuggestionRetagged e -> suggestion(eventId, SuggestionLifecycle.retagged(eventId, e));
            case SuggestionsMerged e -> new LifecycleEvent(eventId, e.suggestionIds().stream().distinct().sorted()
                    .map(id -> SuggestionLifecycle.merged(eventId, id, e)).toList(), null);
            case ForumRecorded e -> new LifecycleEvent(eventId, List.of(), Forum.of(e));
            default -> throw new IllegalArgumentException("not an event reporting applies: "
                    + event.getClass().getSimpleName());
        };
    }

    private static LifecycleEvent suggestion(UUID eventId, TaggedSuggestion state) {
        return new LifecycleEvent(eventId, List.of(state), null);
    }
}
