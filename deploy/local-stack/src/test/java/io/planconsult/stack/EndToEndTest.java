package io.planconsult.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.planconsult.contract.Topics;
import io.planconsult.contract.reference.ReferenceData;
import io.planconsult.infra.testing.TopicProbe;

/**
 * The packaged services, a real broker and PostgreSQL, walked from POST to tally, through a
 * replay, a broker outage and a poison record. The phases run in order on one stack.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    /** Posts for every station, so an admin token (the services trust the stack's generated key pair). */
    private Api api;
    private final Map<String, Long> expectedStationCells = new HashMap<>();
    private final Map<String, Long> expectedSubjectCells = new HashMap<>();
    @RegisterExtension
    static final E2eStack E2E = E2eStack.named("e2e", Duration.ofHours(2));

    private LocalStack stack;
    private List<JsonNode> stations;
    private long expectedTotal;

    @BeforeAll
    void readStations() {
        stack = E2E.stack();
        api = E2E.admin();
        stations = StackQueries.stations(api, stack);
    }

    @Test
    @Order(0)
    void intakeRefusesPostsWithoutATokenAndAcrossStations() {
        Map<String, String> body = Map.of("stationId", "st-xihu-01", "text", "西溪湿地周边停车难", "channel", "station");
        assertEquals(401, new Api().post(stack.intake().baseUrl() + "/api/v1/suggestions", body).status());
        Api otherStation = new Api(Tokens.mint(stack.keys(), "station-staff", "st-gongshu-01", Duration.ofMinutes(5)));
        assertEquals(403, otherStation.post(stack.intake().baseUrl() + "/api/v1/suggestions", body).status());
        assertEquals(0, tallies("station").get("total").asLong(), "nothing refused was stored or counted");
    }

    @Test
    @Order(1)
    void twoHundredSuggestionsAcrossAllDistrictsAreTalliedExactly() {
        assertEquals(ReferenceData.districts().codes().size(),
                stations.stream().map(s -> s.get("district").asText()).distinct()
                .count(), "the stations cover every district");
        List<String> texts = DevSet.texts(DevSet.defaultPath(stack.settings().repo()));
        for (int i = 0; i < 200; i++) {
            JsonNode station = stations.get(i % stations.size());
            post(station, texts.get(i % texts.size()));
        }
        awaitTotal(expectedTotal);
        assertEquals(expectedTotal, tallies("station").get("total").asLong());
        assertEquals(expectedStationCells, cells("station"));
        assertEquals(expectedSubjectCells, cells("subject"));
    }

    @Test
    @Order(2)
    void replayingTheTaggedTopicIntoANewConsumerGroupLeavesTalliesUnchanged() {
        JsonNode before = tallies("station");
        JsonNode beforeSubject = tallies("subject");
        String group = "reporting-replay-" + UUID.randomUUID();
        stack.reporting().set("REPORTING_GROUP_ID", group);
        stack.restart(stack.reporting());
        await(() -> ConsumerLag.of(stack.broker().bootstrapServers(), group, Topics.SUGGESTIONS_TAGGED) == 0,
                "the replay group has read the tagged topic to its end");
        assertEquals(before, tallies("station"));
        assertEquals(beforeSubject, tallies("subject"));
    }

    @Test
    @Order(3)
    void suggestionsPostedWhileTheBrokerIsDownAllArriveAndNoneTwice() {
        List<String> texts = DevSet.texts(DevSet.defaultPath(stack.settings().repo()));
        stack.broker().stop();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                ids.add(post(stations.get((7 * i) % stations.size()), texts.get(200 + i)));
            }
        } finally {
            stack.broker().start();
        }
        awaitTotal(expectedTotal);
        for (String id : ids) {
            await(() -> "TAGGED".equals(api.get(stack.intake().baseUrl() + "/api/v1/suggestions/" + id).body()
                    .path("status").asText()),
                    "suggestion " + id + " is tagged");
        }
        String group = stack.reportingGroup();
        await(() -> ConsumerLag.of(stack.broker().bootstrapServers(), group, Topics.SUGGESTIONS_TAGGED) == 0,
                "reporting has caught up");
        assertEquals(expectedTotal, tallies("station").get("total").asLong(), "each of the 20 counted exactly once");
        assertEquals(expectedStationCells, cells("station"));
    }

    @Test
    @Order(4)
    void malformedRecordGoesToTheDeadLetterTopicAndTheNextSuggestionIsStillTallied() {
        String poisonKey = "e2e-poison-" + UUID.randomUUID();
        TopicProbe.send(stack.broker().bootstrapServers(), Topics.SUGGESTIONS_SUBMITTED, poisonKey,
                "{\"suggestionId\": [broken",
                Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type",
                "io.planconsult.suggestion.submitted",
                        "ce_source", "/e2e"));
        String phone = "13857162394";
        JsonNode station = stations.getFirst();
        String id = post(station, "建议在社区增设老年食堂，联系人：陈先生，电话 " + phone + "，邮箱 chen.resident@example.com");
        awaitTotal(expectedTotal);
        try (TopicProbe dlq = TopicProbe.of(stack.broker().bootstrapServers(), Topics.TAGGING_DEAD_LETTER)) {
            assertTrue(dlq.awaitKey(poisonKey, DEADLINE).isPresent(),
                    "the malformed record is on the dead-letter topic");
        }
        try (TopicProbe tagged = TopicProbe.of(stack.broker().bootstrapServers(), Topics.SUGGESTIONS_TAGGED)) {
            String value = tagged.awaitKey(id, DEADLINE).orElseThrow().value();
            assertFalse(value.contains(phone) || value.contains("chen.resident@example.com") || value.contains("陈先生"),
                    value);
        }
        JsonNode page = api.get(stack.reporting().baseUrl() + "/api/v1/suggestions?size=200&district="
                + station.get("district").asText()).body();
        String redacted = null;
        for (JsonNode item : page.get("items")) {
            if (item.get("suggestionId").asText().equals(id)) {
                redacted = item.get("redactedText").asText();
            }
        }
        assertTrue(redacted != null && redacted.contains("[电话]") && !redacted.contains(phone),
                String.valueOf(redacted));
    }

    @Test
    @Order(5)
    void noReportExportCarriesAPhoneNumberIdNumberOrEmailAddress() throws Exception {
        List<String> personal = List.of("13905718826", "0571-87651234", "11010519491231002X",
                "wang.lei1980@example.com",
                "zhoumin@163.com", "+86 138 5716 2394");
        JsonNode station = stations.get(3);
        post(station, "建议西湖区增加社区养老服务中心，联系电话 13905718826，邮箱 wang.lei1980@example.com");
        post(stations.get(8), "我叫周敏，身份证号 11010519491231002X，建议萧山加密公交班次，电话0571-87651234，邮件zhoumin@163.com");
        post(stations.get(15), "希望淳安千岛湖加快乡村民宿发展，有事请联系 +86 138 5716 2394");
        awaitTotal(expectedTotal);

        String base = stack.reporting().baseUrl() + "/api/v1/reports";
        List<String> reports = new ArrayList<>(List.of(base + "/general"));
        ReferenceData.taxonomy().codes().forEach(topic -> reports.add(base + "/topics/" + topic));
        for (JsonNode district : api.get(stack.reporting().baseUrl() + "/api/v1/districts").body()) {
            reports.add(base + "/districts/" + district.get("code").asText() + "?by=subject");
            reports.add(base + "/districts/" + district.get("code").asText() + "?by=station");
        }
        // Topic and district reports list suggestion texts: an analyst's token.
        String analyst = Tokens.mint(stack.keys(), "analyst", null, Duration.ofMinutes(30));
        int scanned = 0;
        boolean sawRedaction = false;
        for (String report : reports) {
            for (String format : List.of("json", "csv", "xlsx", "html")) {
                String url = report + (report.contains("?") ? "&" : "?") + "format=" + format;
                for (String document : ExportScan.documents(url, format, analyst)) {
                    scanned++;
                    sawRedaction |= document.contains("[电话]");
                    ExportScan.assertNoPersonalData(url, document, personal);
                }
            }
        }
        assertTrue(sawRedaction, "the suggestions are in the exports, redacted");
        assertTrue(scanned >= reports.size() * 4, "scanned " + scanned + " documents");
    }

    @Test
    @Order(6)
    void amendmentRetagAndWithdrawalMoveTheTalliesExactly() {
        JsonNode station = stations.stream().filter(s -> s.get("district").asText().equals("xiaoshan")).findFirst()
                .orElseThrow();
        String district = station.get("district").asText();
        Api staff = new Api(Tokens.mint(stack.keys(), "station-staff", station.get("id").asText(),
                Duration.ofMinutes(30)));
        Api analyst = new Api(Tokens.mint(stack.keys(), "analyst", null, Duration.ofMinutes(30)));
        String suggestions = stack.intake().baseUrl() + "/api/v1/suggestions/";

        String first = "建议加快建设人工智能算力中心，支持大模型企业和数据要素市场发展";
        String id = post(station, first);
        awaitTotal(expectedTotal);
        Map<String, Long> stationCells = cells("station");
        Map<String, Long> subjectCells = cells("subject");
        String[] before = preview(first, district);

        // Station staff fix the text: the suggestion is re-tagged and moves cells in both views.
        String amendedText = "建议加快老旧小区改造和加装电梯，完善社区公共服务设施";
        Api.Reply amended = staff.request("PATCH", suggestions + id, Map.of("text", amendedText), Map.of());
        assertEquals(200, amended.status(), amended.body().toString());
        String[] after = preview(amendedText, district);
        StackQueries.move(stationCells, district + "/" + before[0], district + "/" + after[0]);
        StackQueries.move(subjectCells, before[1] + "/" + before[0], after[1] + "/" + after[0]);
        await(() -> stationCells.equals(cells("station")) && subjectCells.equals(cells("subject")),
                "the amendment moved the cells");

        // An analyst's tag overrides the model's.
        String human = after[0].equals("gaps") ? "rule-of-law" : "gaps";
        Api.Reply retagged = analyst.request("PUT", suggestions + id + "/topics", Map.of("primaryTopic", human),
                Map.of());
        assertEquals(200, retagged.status(), retagged.body().toString());
        StackQueries.move(stationCells, district + "/" + after[0], district + "/" + human);
        StackQueries.move(subjectCells, after[1] + "/" + after[0], after[1] + "/" + human);
        await(() -> stationCells.equals(cells("station")) && subjectCells.equals(cells("subject")),
                "the re-tag moved the cells");

        // Withdrawn: it leaves every tally and every list.
        Api.Reply withdrawn = staff.post(suggestions + id + "/withdrawal", null);
        assertEquals(200, withdrawn.status(), withdrawn.body().toString());
        StackQueries.move(stationCells, district + "/" + human, null);
        StackQueries.move(subjectCells, after[1] + "/" + human, null);
        expectedTotal--;
        await(() -> tallies("station").get("total").asLong() == expectedTotal, "the withdrawal left the total");
        assertEquals(stationCells, cells("station"));
        assertEquals(subjectCells, cells("subject"));
        JsonNode page = api.get(stack.reporting().baseUrl() + "/api/v1/suggestions?size=200&district=" + district)
                .body();
        page.get("items").forEach(item -> assertFalse(item.get("suggestionId").asText().equals(id),
                "a withdrawn suggestion is not listed"));
    }

    /** {primary topic, subject district} as the tagging engine would give them. */
    private String[] preview(String text, String stationDistrict) {
        JsonNode preview = classify(text, stationDistrict);
        return new String[] { preview.get("primaryTopic").asText(),
                preview.get("district").isNull() ? stationDistrict : preview.get("district").asText() };
    }

    private JsonNode classify(String text, String stationDistrict) {
        return StackQueries.classify(api, stack, text, stationDistrict);
    }

    /** Posts a suggestion and records what its tagging implies for the tallies. */
    private String post(JsonNode station, String text) {
        Api.Reply reply = api.post(stack.intake().baseUrl() + "/api/v1/suggestions",
                Map.of("stationId", station.get("id").asText(), "text", text, "channel", "station"));
        assertEquals(201, reply.status(), reply.body().toString());
        String stationDistrict = station.get("district").asText();
        JsonNode preview = classify(text, stationDistrict);
        String topic = StackQueries.tallyTopic(preview);
        String subject = preview.get("district").isNull() ? stationDistrict : preview.get("district").asText();
        expectedStationCells.merge(stationDistrict + "/" + topic, 1L, Long::sum);
        expectedSubjectCells.merge(subject + "/" + topic, 1L, Long::sum);
        expectedTotal++;
        return reply.body().get("id").asText();
    }

    private JsonNode tallies(String by) {
        return StackQueries.tallies(api, stack, by);
    }

    private Map<String, Long> cells(String by) {
        return StackQueries.cells(api, stack, by);
    }

    private void awaitTotal(long total) {
        await(() -> tallies("station").get("total").asLong() >= total, "the tallies count " + total + " suggestions");
    }

    private static void await(BooleanSupplier condition, String what) {
        E2eStack.await(DEADLINE, condition, what);
    }
}
