package io.planconsult.intake.domain;

import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.planconsult.contract.SealedText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Seals a suggestion's raw text with the suggestion's own key before it goes into an event, so that the internal
 * topic never holds it readable; the key stays in this database. One key per suggestion, created with its first
 * event and reused by its amendments. {@link #shred} deletes it: from then on no copy of any of its events opens.
 */
@ApplicationScoped
public class TextSealing {

    /** @return the text sealed with the suggestion's key (created now if it has none) */
    @Transactional(Transactional.TxType.MANDATORY)
    public String seal(UUID suggestionId, String text, Instant now) {
        TextKey key = TextKey.findById(suggestionId);
        if (key == null) {
            key = new TextKey();
            key.suggestionId = suggestionId;
            key.keyBase64 = Base64.getEncoder().encodeToString(SealedText.newKey());
            key.createdAt = now;
            key.persist();
        }
        return SealedText.seal(Base64.getDecoder().decode(key.keyBase64), suggestionId, text);
    }

    /** The key, for the tagging service; empty once shredded (or for an unknown suggestion). */
    @Transactional
    public Optional<byte[]> key(UUID suggestionId) {
        return Optional.ofNullable(TextKey.<TextKey>findById(suggestionId))
                .map(k -> Base64.getDecoder().decode(k.keyBase64));
    }

    /** The keys of these suggestions, in one query; the unknown and the shredded are left out. */
    @Transactional
    public Map<UUID, byte[]> keys(Collection<UUID> suggestionIds) {
        if (suggestionIds.isEmpty()) {
            return Map.of();
        }
        return TextKey.<TextKey>list("suggestionId in ?1", Set.copyOf(suggestionIds)).stream()
                .collect(Collectors.toMap(k -> k.suggestionId, k -> Base64.getDecoder().decode(k.keyBase64)));
    }

    /** @return whether there was a key to delete */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean shred(UUID suggestionId) {
        return TextKey.deleteById(suggestionId);
    }
}
