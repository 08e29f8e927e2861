package io.planconsult.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An analyst set a suggestion's topics by hand. Published by intake on {@link Topics#CORRECTIONS} (public).
 * A human tag overrides the model's from then on, also after the suggestion is amended and re-tagged by the model.
 *
 * @param sequence     increases with every correction intake issues (a database sequence); a consumer keeps, per
 *                     suggestion, the correction with the highest sequence, whatever order they arrive in
 * @param primaryTopic the topic the suggestion is counted under
 * @param labels       the primary first, then at most two more; counted as mentions
 */
public record SuggestionRetagged(
        UUID suggestionId,
        long sequence,
        String primaryTopic,
        List<String> labels,
        Instant correctedAt) {
}
