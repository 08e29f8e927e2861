package io.planconsult.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Erasure reaches every copy: the packaged services, a real broker and PostgreSQL. A suggestion with contact data and
 * a phone number in its text is posted, tagged, amended (a second sealed event), tagged again and erased; then every
 * table of all three services and every topic from offset 0 is scanned for the raw texts and the contact values.
 */
class ErasureEndToEndTest {

    private static final Duration DEADLINE = Duration.ofSeconds(180);

    @RegisterExtension
    static final E2eStack E2E = E2eStack.named("erase", Duration.ofHours(1));

    @Test
    void afterAnErasureNoTableOfAnyServiceAndNoTopicHoldsTheRawTextOrTheContactData() throws Exception {
        // Letters only, so no redaction rule can take the marker for a number.
        String marker = "qz" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").replace('a', 'k');
        String raw = "萧山区湘湖周边停车难，建议建设智慧停车系统。联系电话 13857162394 编号" + marker;
        String amended = "萧山区湘湖周边停车难，建议尽快建设智慧停车系统。联系电话 13857162394 编号" + marker;
        String name = "钱塘江";
        String phone = "13912345678";
        LocalStack stack = E2E.stack();
        Api admin = E2E.admin();
        String intake = stack.intake().baseUrl();
        Api.Reply posted = admin.post(intake + "/api/v1/suggestions",
                Map.of("stationId", "st-xiaoshan-01", "channel", "station",
                "text", raw, "submitter", Map.of("name", name, "phone", phone)));
        assertEquals(201, posted.status(), posted.body().toString());
        String id = posted.body().get("id").asText();
        awaitRedacted(id, 0);
        Api.Reply patched = admin.request("PATCH", intake + "/api/v1/suggestions/" + id, Map.of("text", amended),
                Map.of());
        assertEquals(200, patched.status(), patched.body().toString());
        awaitRedacted(id, 1);
        await(() -> reportingHas(marker), "reporting lists the suggestion");

        Api.Reply erased = admin.post(intake + "/api/v1/suggestions/" + id + "/erasure", Map.of());
        assertEquals(200, erased.status(), erased.body().toString());
        assertEquals(404, admin.get(intake + "/api/v1/suggestions/" + id + "/contact").status());

        List<String> needles = List.of(raw, amended, name, phone, "13857162394");
        List<String> schemas = List.of(stack.schema("intake"), stack.schema("tagging"), stack.schema("reporting"));
        List<String> rows = CopyScan.databaseHits(stack.settings().pgUrl(), stack.settings().pgUser(), schemas,
                needles);
        assertEquals(List.of(), rows, "tables holding the raw text or contact data");
        CopyScan.Scan topics = CopyScan.topicHits(stack.broker().bootstrapServers(), needles);
        assertTrue(topics.records() >= 5, "read the topics: " + topics.records() + " records");
        assertEquals(List.of(), topics.hits(), "records holding the raw text or contact data");

        // The control: the scans do find what is still there, the redacted text with its marker.
        assertFalse(CopyScan.databaseHits(stack.settings().pgUrl(), stack.settings().pgUser(), schemas, List.of(marker))
                .isEmpty());
        assertFalse(CopyScan.topicHits(stack.broker().bootstrapServers(), List.of(marker)).hits().isEmpty());
    }

    private static void awaitRedacted(String id, int revision) {
        await(() -> {
            JsonNode s = E2E.admin().get(E2E.stack().intake().baseUrl() + "/api/v1/suggestions/" + id).body();
            return "TAGGED".equals(s.get("status").asText()) && s.get("revision").asInt() == revision && !s.get("text")
                    .isNull();
        }, "revision " + revision + " is tagged and its redacted text is back in intake");
    }

    private static boolean reportingHas(String marker) {
        Api.Reply list = E2E.admin().get(E2E.stack().reporting().baseUrl()
                + "/api/v1/suggestions?district=xiaoshan&size=200");
        return list.status() == 200 && list.body().toString().contains(marker);
    }

    private static void await(BooleanSupplier condition, String what) {
        E2eStack.await(DEADLINE, condition, what);
    }
}
