package io.planconsult.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventHeadersTest {

    private static final Instant AT = Instant.parse("2026-11-23T08:30:00.123456Z");

    @Test
    void headersCarryEveryAttributeAndReadBackUnchanged() {
        UUID id = UUID.randomUUID();
        CloudEventHeaders sent = CloudEventHeaders.of(id, EventTypes.SUGGESTION_TAGGED, EventTypes.SOURCE_TAGGING,
                "s-1", AT);
        Headers headers = sent.toKafka();
        assertEquals("1.0", CloudEventHeaders.value(headers, "ce_specversion"));
        assertEquals(id.toString(), CloudEventHeaders.value(headers, "ce_id"));
        assertEquals("application/json", CloudEventHeaders.value(headers, "content-type"));
        assertEquals(EventTypes.SCHEMA_VERSION, CloudEventHeaders.value(headers, "ce_schemaversion"));
        assertEquals("2026-11-23T08:30:00.123456Z", CloudEventHeaders.value(headers, "ce_time"));
        assertEquals(sent, CloudEventHeaders.read(headers));
    }

    @Test
    void missingOrMalformedIdIsPoison() {
        assertEquals("no CloudEvents id (ce_id header)",
                assertThrows(PoisonRecordException.class, () -> CloudEventHeaders.read(new RecordHeaders()))
                .getMessage());
        RecordHeaders bad = new RecordHeaders();
        bad.add("ce_id", "not-a-uuid".getBytes(StandardCharsets.UTF_8));
        assertEquals("ce_id is not a UUID",
                assertThrows(PoisonRecordException.class, () -> CloudEventHeaders.read(bad)).getMessage());
    }

    @Test
    void missingTypeIsPoison() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        assertThrows(PoisonRecordException.class, () -> CloudEventHeaders.read(headers));
    }
}
