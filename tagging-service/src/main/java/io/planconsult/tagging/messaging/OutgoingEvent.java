package io.planconsult.tagging.messaging;

import java.util.UUID;

/** One record for the public tagged topic: its key (the suggestion id), CloudEvents id and type, and JSON body. */
record OutgoingEvent(UUID suggestionId, UUID eventId, String type, String body) {
}
