package io.planconsult.contract;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The one place CloudEvents attributes become Kafka headers (binary content mode) and back. Every producer builds
 * its headers here and every consumer reads them here, so the platform's events carry the same attributes
 * whichever service wrote them: id, type, source, subject (the record key), time, content type and schema version.
 *
 * @param subject the record key: a suggestion's or a cluster's id
 */
public record CloudEventHeaders(UUID id, String type, String source, String subject, Instant time) {

    /** The attributes of an event produced now, with the contract's schema version. */
    public static CloudEventHeaders of(UUID id, String type, String source, String subject, Instant time) {
        return new CloudEventHeaders(id, type, source, subject, time);
    }

    /** As Kafka headers, in the order the CloudEvents Kafka binding lists them. */
    public Headers toKafka() {
        RecordHeaders headers = new RecordHeaders();
        add(headers, CloudEventAttributes.HEADER_SPEC_VERSION, CloudEventAttributes.SPEC_VERSION);
        add(headers, CloudEventAttributes.HEADER_ID, id.toString());
        add(headers, CloudEventAttributes.HEADER_SOURCE, source);
        add(headers, CloudEventAttributes.HEADER_TYPE, type);
        add(headers, CloudEventAttributes.HEADER_CONTENT_TYPE, CloudEventAttributes.JSON);
        add(headers, CloudEventAttributes.HEADER_SUBJECT, subject);
        add(headers, CloudEventAttributes.HEADER_TIME,
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atOffset(ZoneOffset.UTC)));
        add(headers, CloudEventAttributes.HEADER_SCHEMA_VERSION, EventTypes.SCHEMA_VERSION);
        return headers;
    }

    /**
     * Reads a consumed record's attributes. The id and type are required; source, subject and time are optional
     * ({@code null} when absent).
     *
     * @throws PoisonRecordException when the id is missing or not a UUID, the type is missing or the time unreadable
     */
    public static CloudEventHeaders read(Headers headers) {
        UUID id = EventIds.parse(value(headers, CloudEventAttributes.HEADER_ID));
        String type = value(headers, CloudEventAttributes.HEADER_TYPE);
        if (type == null) {
            throw new PoisonRecordException("no CloudEvents type (" + CloudEventAttributes.HEADER_TYPE + " header)");
        }
        String time = value(headers, CloudEventAttributes.HEADER_TIME);
        Instant at;
        try {
            at = time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(time, Instant::from);
        } catch (DateTimeParseException e) {
            throw new PoisonRecordException(CloudEventAttributes.HEADER_TIME + " is not an RFC 3339 time");
        }
        return new CloudEventHeaders(id, type, value(headers, CloudEventAttributes.HEADER_SOURCE),
                value(headers, CloudEventAttributes.HEADER_SUBJECT), at);
    }

    /** The last value of a header as UTF-8 text, or {@code null}. */
    public static String value(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
