package io.planconsult.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.Await;
import io.planconsult.infra.testing.TopicProbe;

/**
 * One suggestion, one trace id, across the three packaged services (real broker, real PostgreSQL).
 *
 * <p>How each hop is observed, and why: the test POSTs with its own W3C {@code traceparent}, as a traced caller (a
 * gateway) would, so the trace id is known before anything runs and no service has to export spans (the default
 * sampler ratio is 0: nothing is recorded, yet the context travels). Intake's hop is the {@code traceparent} header on
 * the submitted record, written by the relay from the row's stored context; tagging's is the header on the tagged
 * record, made by its producer from the consumed record's span. Both are read from the topics with a plain consumer,
 * outside any group, so the test changes nothing it observes. Reporting publishes nothing, so its hop is its
 * "applied" log line, which names the event id and the trace id of the span its consumer continued; the line is
 * matched on the tagged record's CloudEvents id. Each hop must also carry a span id of its own (not the caller's), so
 * a header merely copied along would not pass.
 */
class TraceEndToEndTest {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @RegisterExtension
    static final E2eStack E2E = E2eStack.named("trace", Duration.ofHours(1));

    @Test
    void oneSuggestionKeepsOneTraceIdFromThePostToTheTally() {
        LocalStack stack = E2E.stack();
        Api admin = E2E.admin();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpan = "a1b2c3d4e5f60718";
        Api.Reply posted = admin.post(stack.intake().baseUrl() + "/api/v1/suggestions",
                Map.of("stationId", "st-xiaoshan-01", "channel", "station", "text", "湘湖周边停车难，建议建设智慧停车系统。"),
                Map.of("traceparent", "00-" + traceId + "-" + callerSpan + "-01",
                        "Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, posted.status(), posted.body().toString());
        String id = posted.body().get("id").asText();
        String bootstrap = stack.broker().bootstrapServers();

        String submittedSpan = spanOf(onTopic(bootstrap, Topics.SUGGESTIONS_SUBMITTED, id), traceId, "intake's record");
        ConsumerRecord<String, String> tagged = onTopic(bootstrap, Topics.SUGGESTIONS_TAGGED, id);
        String taggedSpan = spanOf(tagged, traceId, "tagging's record");
        assertTrue(!submittedSpan.equals(callerSpan) && !taggedSpan.equals(submittedSpan),
                "each service continues the trace with a span of its own");

        String taggedEventId = TopicProbe.header(tagged, "ce_id");
        String applied = "applied event=" + taggedEventId + " channel=suggestions-tagged new=true trace=" + traceId;
        Await.await(() -> log(stack.reporting()).contains(applied), DEADLINE, "reporting logs " + applied);
        long total = admin.get(stack.reporting().baseUrl() + "/api/v1/tallies").body().get("total").asLong();
        assertTrue(total >= 1, "and it is counted");
    }

    private static ConsumerRecord<String, String> onTopic(String bootstrap, String topic, String key) {
        try (TopicProbe probe = TopicProbe.of(bootstrap, topic)) {
            return probe.awaitKey(key, DEADLINE).orElseThrow(() -> new AssertionError(key + " never reached " + topic));
        }
    }

    /** @return the record's parent span id, after checking that its traceparent carries {@code traceId} */
    private static String spanOf(ConsumerRecord<String, String> record, String traceId, String what) {
        String traceparent = TopicProbe.header(record, "traceparent");
        assertNotNull(traceparent, what + " has a traceparent header");
        String[] parts = traceparent.split("-");
        assertEquals(4, parts.length, traceparent);
        assertEquals(traceId, parts[1], what + " continues the POST's trace");
        return parts[2];
    }

    private static String log(ServiceProcess service) {
        try {
            return Files.readString(service.logFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
