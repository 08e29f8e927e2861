package io.planconsult.intake.rest;

import static io.planconsult.intake.rest.ForumImports.bootstrap;
import static io.planconsult.intake.rest.ForumImports.forum;
import static io.planconsult.intake.rest.ForumImports.upload;
import static io.planconsult.intake.rest.ForumImports.awaitFinished;
import static io.planconsult.intake.rest.ForumImports.suggestionsOf;
import static io.planconsult.intake.rest.ForumImports.count;
import static io.planconsult.intake.rest.ForumImports.awaitOutboxDrained;
import static io.planconsult.intake.rest.ForumImports.csv;
import static io.planconsult.intake.rest.ForumImports.IMPORTS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.planconsult.contract.CloudEventAttributes;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.TopicProbe;
import io.planconsult.intake.domain.Suggestion;
import io.planconsult.intake.domain.SubmitterContact;
import io.planconsult.intake.forum.Forum;
import io.planconsult.infra.testing.SignedInAs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A forum's minutes imported as a job: every good row stored and published once, the bad ones reported by row and
 * field; the JSON form; who may import. Runs as admin unless a test says otherwise.
 */
@QuarkusTest
@SignedInAs("admin")
class ForumImportResourceTest {

    /** The expected verdict for row i (0-based data row) of the big file: null when valid, else the field at fault. */
    static String badField(int i) {
        if (i % 25 != 7) {
            return null;
        }
        return switch ((i / 25) % 5) {
            case 0 -> "text";
            case 1 -> "channel";
            case 2 -> "submittedAt";
            case 3 -> "submittedAt";
            default -> "text";
        };
    }

    static String bigCsvRow(int i) {
        String text = "关于第" + i + "条：建议加快城西科创大走廊交通建设，增加地铁接驳公交";
        return switch (badField(i) == null ? "ok" : String.valueOf((i / 25) % 5)) {
            case "0" -> ",市民" + i + ",,,"; // no text, but not a blank row
            case "1" -> text + ",,,传真,";
            case "2" -> text + ",,,,上周三";
            case "3" -> text + ",,,,2099-01-01 09:00";
            case "4" -> "\"" + "长".repeat(10_001) + "\",,,,";
            default -> "\"" + text + "，“一、二、三”\",居民" + i + ",1380000" + String.format("%04d", i) + ",,"
                    + (i % 2 == 0 ? "2026-11-20 10:" + (10 + i % 50) : "");
        };
    }

    @Test
    void fiveHundredRowsWithTwentyBadOnesStoreExactlyTheGoodOnesAsAJobWithOneForumEvent() {
        StringBuilder csv = new StringBuilder("建议内容,提交人姓名,联系电话,渠道,提交时间\r\n");
        Map<Integer, String> expectedRejections = new HashMap<>();
        for (int i = 0; i < 500; i++) {
            csv.append(bigCsvRow(i)).append("\r\n");
            if (badField(i) != null) {
                expectedRejections.put(i + 2, badField(i));
            }
        }
        assertEquals(20, expectedRejections.size());
        long suggestionsBefore = count(Suggestion.class);
        Map<String, String> fields = forum("st-gongshu-01");
        fields.put("deputyNames", "张建国、李红");

        Response accepted = upload(fields, "forum.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv");
        accepted.then().statusCode(202)
                .header("Location", startsWith("http"))
                .body("totalRows", equalTo(500))
                .body("format", equalTo("CSV"))
                .body("encoding", equalTo("UTF-8"));
        assertTrue(Set.of("QUEUED", "RUNNING").contains(accepted.path("status")));
        String location = accepted.header("Location");
        assertTrue(location.endsWith("/api/v1/forums/imports/" + accepted.path("id")), location);

        List<Map<String, Object>> snapshots = awaitFinished(location);
        int previous = -1;
        for (Map<String, Object> snapshot : snapshots) {
            int done = (Integer) snapshot.get("rowsDone");
            assertTrue(done >= previous && done <= 500, "progress only moves forward: " + done);
            assertEquals(500, snapshot.get("totalRows"));
            assertEquals(done, (Integer) snapshot.get("acceptedCount") + (Integer) snapshot.get("rejectedCount"));
            if (!"COMPLETED".equals(snapshot.get("status"))) {
                assertFalse(snapshot.containsKey("rejected"), "the report comes once the job has finished");
            }
            previous = done;
        }
        Map<String, Object> report = snapshots.get(snapshots.size() - 1);
        assertEquals("COMPLETED", report.get("status"));
        assertEquals(500, report.get("rowsDone"));
        assertEquals(480, report.get("acceptedCount"));
        assertEquals(20, report.get("rejectedCount"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rejected = (List<Map<String, Object>>) report.get("rejected");
        Map<Integer, String> reported = rejected.stream().collect(Collectors.toMap(r -> (Integer) r.get("row"), r -> {
            @SuppressWarnings("unchecked")
            List<Map<String, String>> errors = (List<Map<String, String>>) r.get("errors");
            assertFalse(errors.get(0).get("message").isBlank());
            return errors.get(0).get("field");
        }));
        assertEquals(expectedRejections, reported);

        String forumId = (String) report.get("forumId");
        List<UUID> stored = suggestionsOf(forumId);
        assertEquals(480, stored.size());
        assertEquals(suggestionsBefore + 480, count(Suggestion.class), "nothing else was stored");
        long contacts = QuarkusTransaction.requiringNew().call(() ->
                SubmitterContact.count("suggestionId in ?1", stored));
        assertEquals(480, contacts, "each good row's submitter went to the contact table");

        Set<String> keys = stored.stream().map(UUID::toString).collect(Collectors.toSet());
        try (TopicProbe submitted = TopicProbe.of(bootstrap(), Topics.SUGGESTIONS_SUBMITTED);
                TopicProbe forums = TopicProbe.of(bootstrap(), Topics.FORUMS)) {
            assertEquals(480, submitted.awaitCount(r -> keys.contains(r.key()), 480, Duration.ofSeconds(60)).size());
            ConsumerRecord<String, String> one = submitted.awaitKey(stored.get(0).toString(), Duration.ofSeconds(5))
                    .orElseThrow();
            assertTrue(one.value().contains("\"channel\":\"forum\""), one.value());
            assertTrue(one.value().contains("\"stationId\":\"st-gongshu-01\""), one.value());
            assertFalse(one.value().contains("居民") || one.value().contains("1380000"),
                    "contact data never in an event");

            ConsumerRecord<String, String> forumEvent = forums.awaitKey(forumId, Duration.ofSeconds(30)).orElseThrow();
            assertEquals(EventTypes.FORUM_RECORDED, TopicProbe.header(forumEvent, CloudEventAttributes.HEADER_TYPE));
            assertTrue(forumEvent.value().contains("\"suggestionCount\":480"), forumEvent.value());
            assertTrue(forumEvent.value().contains("\"participants\":42"), forumEvent.value());
            assertTrue(forumEvent.value().contains("\"deputiesPresent\":5"), forumEvent.value());
            assertTrue(forumEvent.value().contains("\"district\":\"gongshu\""), forumEvent.value());
            assertFalse(forumEvent.value().contains("张建国") || forumEvent.value().contains("李红"),
                    "deputies' names never in an event");

            awaitOutboxDrained();
            assertEquals(480, submitted.awaitCount(r -> keys.contains(r.key()), 481, Duration.ofSeconds(3)).size(),
                    "no event twice");
            assertEquals(1, forums.awaitCount(r -> forumId.equals(r.key()), 2, Duration.ofSeconds(2)).size(),
                    "one forum event");
        }
        long deputies = QuarkusTransaction.requiringNew().call(() -> ((Number) Forum.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM forum_deputy WHERE forum_id = ?1")
                .setParameter(1, UUID.fromString(forumId))
                .getSingleResult()).longValue());
        assertEquals(2, deputies, "the names are kept in intake");
    }

    @Test
    void jsonImportNamingADistrictFilesUnderItsFirstStationAndRecordsTheForumWithoutNames() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "余杭区人工智能产业座谈会");
        body.put("heldOn", "2026-11-18");
        body.put("district", "yuhang");
        body.put("participants", 30);
        body.put("deputyNames", List.of("周立", "吴敏"));
        body.put("suggestions", List.of(
                Map.of("text", "建议在未来科技城建设公共算力平台", "submitter", Map.of("name", "郑强", "phone", "13600000000")),
                Map.of("text", "建议设立大模型应用场景开放清单", "channel", "platform", "submittedAt", "2026-11-18T15:00:00+08:00"),
                Map.of("text", "   ")));
        Response response = given().contentType(ContentType.JSON).body(body).post(IMPORTS);
        response.then().statusCode(201)
                .body("format", equalTo("JSON"))
                .body("stationId", equalTo("st-yuhang-01"))
                .body("acceptedCount", equalTo(2))
                .body("rejected[0].row", equalTo(3))
                .body("rejected[0].errors[0].field", equalTo("text"));
        String forumId = response.path("forumId");
        try (TopicProbe forums = TopicProbe.of(bootstrap(), Topics.FORUMS)) {
            ConsumerRecord<String, String> event = forums.awaitKey(forumId, Duration.ofSeconds(30)).orElseThrow();
            assertTrue(event.value().contains("\"stationId\":null") || !event.value().contains("stationId"),
                    event.value());
            assertTrue(event.value().contains("\"district\":\"yuhang\""), event.value());
            assertTrue(event.value().contains("\"deputiesPresent\":2"), event.value());
            assertTrue(event.value().contains("\"suggestionCount\":2"), event.value());
            assertTrue(event.value().contains("\"heldOn\":\"2026-11-18\""), event.value());
            assertFalse(event.value().contains("周立") || event.value().contains("郑强"), event.value());
        }
        assertEquals("2026-11-17T16:00:00Z", suggestionsOf(forumId).stream()
                .map(id -> given().get("/api/v1/suggestions/" + id).then().extract().<String>path("submittedAt"))
                .filter(t -> !t.equals("2026-11-18T07:00:00Z")).findFirst().orElseThrow(),
                "no time given: the forum's day");
    }

    @Test
    void unknownJobIsNotFound() {
        given().get(IMPORTS + "/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void stationStaffImportOnlyForTheirOwnStationAndViewersNotAtAll() {
        long forums = count(Forum.class);
        Map<String, Object> body = new HashMap<>(Map.of("name", "座谈会", "heldOn", "2026-11-20", "stationId",
                "st-xihu-01",
                "participants", 10, "deputiesPresent", 1, "suggestions", List.of(Map.of("text", "建议在西湖区增加公交线路"))));
        given().auth().oauth2(io.planconsult.infra.testing.TestTokens.staff("st-gongshu-01"))
                .contentType(ContentType.JSON).body(body).post(IMPORTS)
                .then().statusCode(403).contentType("application/problem+json")
                .body("errors.field", hasItem("stationId"));
        given().auth().oauth2(io.planconsult.infra.testing.TestTokens.viewer()).contentType(ContentType.JSON).body(body)
                .post(IMPORTS)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().none().contentType(ContentType.JSON).body(body).post(IMPORTS)
                .then().statusCode(401).contentType("application/problem+json");
        assertEquals(forums, count(Forum.class), "no refused import stored a forum");
        given().auth().oauth2(io.planconsult.infra.testing.TestTokens.staff("st-xihu-01")).contentType(ContentType.JSON)
                .body(body).post(IMPORTS)
                .then().statusCode(201).body("acceptedCount", org.hamcrest.Matchers.equalTo(1));
        given().auth().none().get(IMPORTS + "/template.csv").then().statusCode(200);
    }
}
