package io.planconsult.tagging.keys;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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

    /** The keys of one consumer batch, fetched together; a suggestion outside the batch is fetched alone. */
    public final class Batch {

        private final Set<UUID> asked;
        private final Map<UUID, byte[]> found;

        private Batch(Set<UUID> asked, Map<UUID, byte[]> found) {
            this.asked = asked;
            this.found = found;
        }

        /**
         * @return the text, or empty when the suggestion was erased (its key is gone, so the event can never be read)
         * @throws IllegalArgumentException the sealed text does not open with the suggestion's key: a corrupt record
         */
        public Optional<String> open(UUID suggestionId, String plainText, String sealedText) {
            if (sealedText == null) {
                return Optional.of(plainText);
            }
            Optional<byte[]> key = asked.contains(suggestionId) ? Optional.ofNullable(found.get(suggestionId))
                    : keys.fetch(suggestionId);
            return key.map(k -> SealedText.open(k, suggestionId, sealedText));
        }
    }

    /**
     * Fetches the keys of these suggestions in one request. Should that request fail other than transiently (an
     * answer it cannot read), the batch falls back to one request per sealed text, which has its own retries.
     */
    public Batch forBatch(Collection<UUID> suggestionIds) {
        Set<UUID> asked = Set.copyOf(suggestionIds);
        try {
            return new Batch(asked, keys.fetchAll(asked));
        } catch (RuntimeException e) {
            LOG.warnf("text keys of a batch of %d: %s; fetching them one at a time", asked.size(),
                    e.getClass().getSimpleName());
            return single();
        }
    }

    /** No keys fetched ahead: each sealed text asks intake for its own. */
    public Batch single() {
        return new Batch(Set.of(), Map.of());
    }
}
