package io.planconsult.contract;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic ids for derived events. Re-processing the same input (a redelivery, a replay)
 * yields the same event id, so consumers that record applied ids count it once.
 */
public final class EventIds {

    private EventIds() {
    }

    /** Name-based (type 3) UUID of the source event id and the derived event's type. */
    public static UUID derived(UUID sourceEventId, String derivedType) {
        return UUID.nameUUIDFromBytes((sourceEventId + "|" + derivedType).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The event id carried in a record's {@code ce_id} header.
     *
     * @throws PoisonRecordException when it is missing or not a UUID
     */
    public static UUID parse(String ceId) {
        if (ceId == null) {
            throw new PoisonRecordException("no CloudEvents id (" + CloudEventAttributes.HEADER_ID + " header)");
        }
        try {
            return UUID.fromString(ceId);
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException(CloudEventAttributes.HEADER_ID + " is not a UUID");
        }
    }

    /** The id of the near-duplicate cluster whose first suggestion is {@code firstSuggestionId}. */
    public static UUID cluster(UUID firstSuggestionId) {
        return UUID.nameUUIDFromBytes(("cluster|" + firstSuggestionId).getBytes(StandardCharsets.UTF_8));
    }
}
