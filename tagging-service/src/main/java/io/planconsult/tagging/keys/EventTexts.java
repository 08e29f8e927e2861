package io.planconsult.tagging.keys;

import java.util.Optional;
import java.util.UUID;

import io.planconsult.contract.SealedText;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The raw text of a submitted or amended event: opened with the suggestion's key from intake when sealed (every event
 * intake writes now), as it is when plain (events written before sealing). The opened text lives only in memory
 * while the event is tagged.
 */
@ApplicationScoped
public class EventTexts {

    private final TextKeyClient keys;

    EventTexts(TextKeyClient keys) {
        this.keys = keys;
    }

    /**
     * @return the text, or empty when the suggestion was erased (its key is gone, so the event can never be read)
     * @throws IllegalArgumentException the sealed text does not open with the suggestion's key: a corrupt record
     */
    public Optional<String> open(UUID suggestionId, String plainText, String sealedText) {
        if (sealedText == null) {
            return Optional.of(plainText);
        }
        return keys.fetch(suggestionId).map(key -> SealedText.open(key, suggestionId, sealedText));
    }
}
