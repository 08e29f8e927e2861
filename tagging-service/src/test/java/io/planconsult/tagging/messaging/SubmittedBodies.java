package io.planconsult.tagging.messaging;

import java.util.UUID;

/** The body of a suggestion-submitted event as intake publishes it, for the consumer tests. */
final class SubmittedBodies {

    private SubmittedBodies() {
    }

    /** @param district the station's district, e.g. {@code xihu} for {@code st-xihu-01} */
    static String of(UUID suggestionId, String district, String text) {
        return """
                {"suggestionId":"%s","stationId":"st-%s-01","stationDistrict":"%s","channel":"station","text":"%s",
                 "submittedAt":"2026-11-20T01:30:00Z","receivedAt":"2026-11-20T01:31:00Z"}
                """.formatted(suggestionId, district, district, text);
    }
}
