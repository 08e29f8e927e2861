package io.planconsult.tagging.keys;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.planconsult.contract.SealedText;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The raw text of a submitted or amended event: opened with the suggestion's key from intake when sealed (every event
 * intake writes now), as it is when plain (events written before sealing). The opened text lives only in memory
 * while the event is tagged. A consumer batch asks intake for all its keys at once ({@link #forBatch}), not one
 * request per record.
 */
@ApplicationScoped
public class EventTexts {

    private static final Logger LOG = Logger.getLogger(EventTexts.class);

    private final TextKeyClient keys;

    EventTexts(TextKeyClient keys) {
        this.keys = keys;
    }

    /**
     * The keys of one consumer batch: the first sealed text of a suggestion in the batch fetches the keys of all of
     * them in one request; plain texts and withdrawals need none, so a batch without a sealed text never asks intake.
     * A suggestion outside the batch is fetched alone.
     */
    public final class Batch {

        private final Set<UUID> suggestions;
        private Function<UUID, Optional<byte[]>> batchKeys;

        private Batch(Set<UUID> suggestions) {
            this.suggestions = suggestions;
        }

        /**
         * @return the text, or empty when the suggestion was erased (its key is gone, so the event can never be read)
         * @throws IllegalArgumentException the sealed text does not open with the suggestion's key: a corrupt record
         */
        public Optional<String> open(UUID suggestionId, String plainText, String sealedText) {
            if (sealedText == null) {
                return Optional.of(plainText);
            }
            Optional<byte[]> key = suggestions.contains(suggestionId) ? batchKeys().apply(suggestionId)
                    : keys.fetch(suggestionId);
            return key.map(k -> SealedText.open(k, suggestionId, sealedText));
        }

        /**
         * The batch's keys, fetched on first use. Should the lookup fail other than transiently (an answer it cannot
         * read), its suggestions are fetched one at a time, each request with its own retries.
         */
        private Function<UUID, Optional<byte[]>> batchKeys() {
            if (batchKeys == null) {
                try {
                    Map<UUID, byte[]> found = keys.fetchAll(suggestions);
                    batchKeys = id -> Optional.ofNullable(found.get(id));
                } catch (RuntimeException e) {
                    LOG.warnf("text keys of a batch of %d: %s; fetching them one at a time", suggestions.size(),
                            e.getClass().getSimpleName());
                    batchKeys = keys::fetch;
                }
            }
            return batchKeys;
        }
    }

    /** The keys of a consumer batch's suggestions, fetched in one request when its first sealed text needs one. */
    public Batch forBatch(Collection<UUID> suggestionIds) {
        return new Batch(Set.copyOf(suggestionIds));
    }
}
