package io.planconsult.intake.idempotency;

/**
 * A response as it is kept for an idempotency key: enough to answer a retry with exactly the first answer.
 *
 * @param location the Location header (a path), or {@code null}
 * @param body     the JSON body
 * @param replayed whether this is a retry answered from the store
 */
public record StoredReply(int status, String location, String body, boolean replayed) {

    public static StoredReply of(int status, String location, String body) {
        return new StoredReply(status, location, body, false);
    }
}
