package io.planconsult.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.planconsult.contract.CloudEventAttributes;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.TopicProbe;
import io.planconsult.intake.domain.Suggestion;
import io.planconsult.intake.domain.SubmitterContact;
import io.planconsult.intake.forum.Forum;
import io.planconsult.intake.forum.ForumImport;
import io.planconsult.intake.forum.ForumSuggestion;
import io.planconsult.intake.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ForumImportResourceTest {

    /** Imports run as an admin unless a test says otherwise (station staff are checked in {@code ForumImportResourceTest}). */
    @org.junit.jupiter.api.BeforeEach
    void authenticateAsAdmin() {
        io.restassured.RestAssured.authentication = io.restassured.RestAssured.oauth2(io.planconsult.infra.testing.TestTokens.admin());
    }

    @org.junit.jupiter.api.AfterEach
    void forgetTheToken() {
        io.restassured.RestAssured.authentication = io.restassured.RestAssured.DEFAULT_AUTH;
    }

    private static final String IMPORTS = "/api/v1/forums/imports";
    private static final String TEXT_UTF8 = "text/plain; charset=UTF-8";

    static String bootstrap() {
        return KafkaBrokerTestResource.broker().bootstrapServers();
    }

    static Map<String, String> forum(String stationId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "十五五规划纲要编制座谈会");
        fields.put("heldOn", "2026-11-20");
        fields.put("stationId", stationId);
        fields.put("participants", "42");
        fields.put("deputiesPresent", "5");
        return fields;
    }

    static Response upload(Map<String, String> fields, String fileName, byte[] file, String mimeType) {
        RequestSpecification request = given().contentType("multipart/form-data");
        fields.forEach((k, v) -> request.multiPart(k, v, TEXT_UTF8));
        if (file != null) {
            request.multiPart("file", fileName, file, mimeType);
        }
        return request.post(IMPORTS);
    }

    /** Polls the job URL until it has finished; returns every snapshot seen, the last one final. */
    static List<Map<String, Object>> awaitFinished(String location) {
        List<Map<String, Object>> snapshots = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (true) {
            Map<String, Object> job = given().get(location).then().statusCode(200).extract().jsonPath().getMap("");
            snapshots.add(job);
            String status = (String) job.get("status");
            if ("COMPLETED".equals(status) || "FAILED".equals(status) || System.nanoTime() > deadline) {
                return snapshots;
            }
            pause(100);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static List<UUID> suggestionsOf(String forumId) {
        return QuarkusTransaction.requiringNew().call(() -> ForumSuggestion.<ForumSuggestion>list("forumId", UUID.fromString(forumId))
                .stream().map(l -> l.suggestionId).toList());
    }

    static long count(Class<?> entity) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (entity == Suggestion.class) {
                return Suggestion.count();
            } else if (entity == Forum.class) {
                return Forum.count();
            } else if (entity == ForumImport.class) {
                return ForumImport.count();
            }
            return OutboxEvent.count("parkedAt is null"); // a row another test parked on purpose is not backlog
        });
    }

    static void awaitOutboxDrained() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count(OutboxEvent.class) > 0 && System.nanoTime() < deadline) {
            pause(100);
        }
        assertEquals(0, count(OutboxEvent.class), "the outbox drains");
    }

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
            default -> "\"" + text + "，“一、二、三”\",居民" + i + ",1380000" + String.format("%04d", i) + ",," + (i % 2 == 0 ? "2026-11-20 10:" + (10 + i % 50) : "");
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
        long contacts = QuarkusTransaction.requiringNew().call(() -> SubmitterContact.count("suggestionId in ?1", stored));
        assertEquals(480, contacts, "each good row's submitter went to the contact table");

        Set<String> keys = stored.stream().map(UUID::toString).collect(Collectors.toSet());
        try (TopicProbe submitted = TopicProbe.of(bootstrap(), Topics.SUGGESTIONS_SUBMITTED);
                TopicProbe forums = TopicProbe.of(bootstrap(), Topics.FORUMS)) {
            assertEquals(480, submitted.awaitCount(r -> keys.contains(r.key()), 480, Duration.ofSeconds(60)).size());
            ConsumerRecord<String, String> one = submitted.awaitKey(stored.get(0).toString(), Duration.ofSeconds(5)).orElseThrow();
            assertTrue(one.value().contains("\"channel\":\"forum\""), one.value());
            assertTrue(one.value().contains("\"stationId\":\"st-gongshu-01\""), one.value());
            assertFalse(one.value().contains("居民") || one.value().contains("1380000"), "contact data never in an event");

            ConsumerRecord<String, String> forumEvent = forums.awaitKey(forumId, Duration.ofSeconds(30)).orElseThrow();
            assertEquals(EventTypes.FORUM_RECORDED, TopicProbe.header(forumEvent, CloudEventAttributes.HEADER_TYPE));
            assertTrue(forumEvent.value().contains("\"suggestionCount\":480"), forumEvent.value());
            assertTrue(forumEvent.value().contains("\"participants\":42"), forumEvent.value());
            assertTrue(forumEvent.value().contains("\"deputiesPresent\":5"), forumEvent.value());
            assertTrue(forumEvent.value().contains("\"district\":\"gongshu\""), forumEvent.value());
            assertFalse(forumEvent.value().contains("张建国") || forumEvent.value().contains("李红"), "deputies' names never in an event");

            awaitOutboxDrained();
            assertEquals(480, submitted.awaitCount(r -> keys.contains(r.key()), 481, Duration.ofSeconds(3)).size(), "no event twice");
            assertEquals(1, forums.awaitCount(r -> forumId.equals(r.key()), 2, Duration.ofSeconds(2)).size(), "one forum event");
        }
        long deputies = QuarkusTransaction.requiringNew().call(() -> ((Number) Forum.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM forum_deputy WHERE forum_id = ?1").setParameter(1, UUID.fromString(forumId))
                .getSingleResult()).longValue());
        assertEquals(2, deputies, "the names are kept in intake");
    }

    @Test
    void gbkEncodedCsvIsDetectedAndStoredAsTheRightCharacters() {
        String text = "建议在萧山湘湖景区周边建设智慧停车系统，缓解节假日拥堵";
        String csv = "建议内容,提交人姓名,联系电话\r\n" + text + ",陈静,13857162394\r\n建议扩大临平区公共自行车点位,,\r\n";
        Response response = upload(forum("st-xiaoshan-01"), "minutes.csv", csv.getBytes(Charset.forName("GBK")), "text/csv");
        response.then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("status", equalTo("COMPLETED"))
                .body("encoding", equalTo("GB18030"))
                .body("acceptedCount", equalTo(2))
                .body("rejectedCount", equalTo(0));
        List<String> texts = suggestionsOf(response.path("forumId")).stream()
                .map(id -> given().get("/api/v1/suggestions/" + id + "/text").then().statusCode(200).extract().<String>path("text"))
                .toList();
        assertTrue(texts.contains(text), texts.toString());
        assertTrue(texts.contains("建议扩大临平区公共自行车点位"), texts.toString());
        List<String> names = QuarkusTransaction.requiringNew().call(() -> SubmitterContact.<SubmitterContact>list("suggestionId in ?1",
                suggestionsOf(response.path("forumId"))).stream().map(c -> c.name).toList());
        assertEquals(List.of("陈静"), names);
    }

    @Test
    void utf8CsvWithByteOrderMarkMatchesTheFirstHeader() {
        byte[] body = "建议内容,渠道\r\n建议在桐庐县增加乡村公交班次,代表建议\r\n建议加强富春江生态保护,\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Response response = upload(forum("st-tonglu-01"), "minutes.csv", withBom, "text/csv");
        response.then().statusCode(201)
                .body("encoding", equalTo("UTF-8-BOM"))
                .body("acceptedCount", equalTo(2));
        List<String> channels = suggestionsOf(response.path("forumId")).stream()
                .map(id -> given().get("/api/v1/suggestions/" + id).then().extract().<String>path("channel")).sorted().toList();
        assertEquals(List.of("deputy", "forum"), channels, "a row's channel wins over the default");
    }

    @Test
    void xlsxFilledInFromTheTemplateRoundTrips() throws IOException {
        byte[] template = given().get(IMPORTS + "/template.xlsx").then().statusCode(200)
                .contentType(ForumImportResource.XLSX)
                .header("Content-Disposition", startsWith("attachment"))
                .extract().asByteArray();
        List<String> headers;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(template));
                Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            Row header = rows.findFirst().orElseThrow();
            headers = header.stream().map(c -> c.getText()).toList();
        }
        assertTrue(headers.contains("建议内容"), headers.toString());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook filled = new Workbook(out, "WPS", "1.0");
        Worksheet sheet = filled.newWorksheet("意见建议");
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
        }
        Map<String, Object[]> rows = Map.of(
                "建议内容", new Object[] {"建议建设千岛湖旅游集散中心", "建议提高淳安县生态补偿标准", ""},
                "提交人姓名", new Object[] {"方华", null, "只有姓名"},
                "联系电话", new Object[] {13905710001L, null, null},
                "渠道", new Object[] {null, "代表建议", null},
                "提交时间", new Object[] {LocalDateTime.of(2026, 11, 20, 9, 30), "2026-11-20 14:00", null});
        for (int c = 0; c < headers.size(); c++) {
            Object[] values = rows.get(headers.get(c));
            for (int r = 0; r < values.length; r++) {
                if (values[r] instanceof String s) {
                    sheet.value(r + 1, c, s);
                } else if (values[r] instanceof Long n) {
                    sheet.value(r + 1, c, n);
                } else if (values[r] instanceof LocalDateTime t) {
                    sheet.value(r + 1, c, t);
                }
            }
        }
        filled.finish();

        Map<String, String> fields = forum("st-chunan-01");
        Response response = upload(fields, "forum.xlsx", out.toByteArray(), ForumImportResource.XLSX);
        response.then().statusCode(201)
                .body("format", equalTo("XLSX"))
                .body("acceptedCount", equalTo(2))
                .body("rejectedCount", equalTo(1))
                .body("rejected[0].row", equalTo(4))
                .body("rejected[0].errors.field", hasItem("text"));
        List<Map<String, Object>> stored = suggestionsOf(response.path("forumId")).stream()
                .map(id -> {
                    Map<String, Object> view = new java.util.HashMap<>(given().get("/api/v1/suggestions/" + id).then().extract()
                            .jsonPath().<String, Object>getMap(""));
                    view.put("text", given().get("/api/v1/suggestions/" + id + "/text").then().extract().path("text"));
                    return view;
                })
                .toList();
        Map<String, Object> first = stored.stream().filter(s -> s.get("text").equals("建议建设千岛湖旅游集散中心")).findFirst().orElseThrow();
        assertEquals("forum", first.get("channel"));
        assertEquals("2026-11-20T01:30:00Z", first.get("submittedAt"), "an Excel date cell, Beijing time");
        Map<String, Object> second = stored.stream().filter(s -> s.get("text").equals("建议提高淳安县生态补偿标准")).findFirst().orElseThrow();
        assertEquals("deputy", second.get("channel"));
        assertEquals("2026-11-20T06:00:00Z", second.get("submittedAt"));
        String phone = QuarkusTransaction.requiringNew().call(() -> SubmitterContact.<SubmitterContact>findById(
                UUID.fromString((String) first.get("id"))).phone);
        assertEquals("13905710001", phone, "a phone typed as a number keeps all its digits");
    }

    @Test
    void csvTemplateIsUtf8WithByteOrderMarkAndChineseLabels() {
        Response response = given().get(IMPORTS + "/template.csv");
        response.then().statusCode(200).contentType(startsWith("text/csv")).header("Content-Disposition", startsWith("attachment"));
        byte[] bytes = response.asByteArray();
        assertEquals(0xEF, bytes[0] & 0xFF);
        assertEquals(0xBB, bytes[1] & 0xFF);
        assertEquals(0xBF, bytes[2] & 0xFF);
        assertEquals("建议内容,提交人姓名,联系电话,渠道,提交时间", new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).strip());
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
            assertTrue(event.value().contains("\"stationId\":null") || !event.value().contains("stationId"), event.value());
            assertTrue(event.value().contains("\"district\":\"yuhang\""), event.value());
            assertTrue(event.value().contains("\"deputiesPresent\":2"), event.value());
            assertTrue(event.value().contains("\"suggestionCount\":2"), event.value());
            assertTrue(event.value().contains("\"heldOn\":\"2026-11-18\""), event.value());
            assertFalse(event.value().contains("周立") || event.value().contains("郑强"), event.value());
        }
        assertEquals("2026-11-17T16:00:00Z", suggestionsOf(forumId).stream()
                .map(id -> given().get("/api/v1/suggestions/" + id).then().extract().<String>path("submittedAt"))
                .filter(t -> !t.equals("2026-11-18T07:00:00Z")).findFirst().orElseThrow(), "no time given: the forum's day");
    }

    @Test
    void unknownJobIsNotFound() {
        given().get(IMPORTS + "/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<Object[]> badUploads() {
        Map<String, String> noName = forum("st-xihu-01");
        noName.remove("name");
        Map<String, String> badCount = forum("st-xihu-01");
        badCount.put("participants", "很多");
        Map<String, String> both = forum("st-xihu-01");
        both.put("district", "xihu");
        Map<String, String> unknownDistrict = forum("st-xihu-01");
        unknownDistrict.remove("stationId");
        unknownDistrict.put("district", "atlantis");
        byte[] good = csv("建议内容\n建议\n");
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        return List.of(
                new Object[] {"no file", forum("st-xihu-01"), null, null, 400, "file"},
                new Object[] {"no name", noName, "a.csv", good, 400, "name"},
                new Object[] {"participants not a number", badCount, "a.csv", good, 400, "participants"},
                new Object[] {"station and district", both, "a.csv", good, 400, "district"},
                new Object[] {"unknown station", forum("st-nowhere-01"), "a.csv", good, 422, "stationId"},
                new Object[] {"unknown district", unknownDistrict, "a.csv", good, 422, "district"},
                new Object[] {"a PDF", forum("st-xihu-01"), "a.pdf", "%PDF-1.7 binary".getBytes(StandardCharsets.US_ASCII), 422, "file"},
                new Object[] {"legacy xls", forum("st-xihu-01"), "a.xls", ole2, 422, "file"},
                new Object[] {"header only", forum("st-xihu-01"), "a.csv", csv("建议内容,渠道\n"), 422, "file"},
                new Object[] {"no text column", forum("st-xihu-01"), "a.csv", csv("姓名,电话\n张三,1\n"), 422, "file"},
                new Object[] {"empty file", forum("st-xihu-01"), "a.csv", new byte[0], 422, "file"},
                new Object[] {"neither UTF-8 nor GBK", forum("st-xihu-01"), "a.csv", new byte[] {(byte) 0x81, 0x20, (byte) 0xFF, (byte) 0xFF}, 422, "file"});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badUploads")
    void wholeRequestProblemIsAProblemNamingTheFieldAndStoresNothing(String label, Map<String, String> fields, String fileName, byte[] file,
            int status, String field) {
        awaitOutboxDrained();
        long suggestions = count(Suggestion.class);
        long forums = count(Forum.class);
        long jobs = count(ForumImport.class);

        upload(fields, fileName, file, "text/csv").then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", startsWith("https://planconsult.io/problems/"))
                .body("errors.field", hasItem(field));

        assertEquals(suggestions, count(Suggestion.class));
        assertEquals(forums, count(Forum.class));
        assertEquals(jobs, count(ForumImport.class));
        assertEquals(0, count(OutboxEvent.class), "no event was queued");
    }

    @Test
    void jsonWithoutSuggestionsIsAProblemAndStoresNothing() {
        long forums = count(Forum.class);
        Map<String, Object> body = new HashMap<>(Map.of("name", "座谈会", "heldOn", "2026-11-20", "stationId", "st-xihu-01",
                "participants", 10, "deputiesPresent", 1));
        given().contentType(ContentType.JSON).body(body).post(IMPORTS)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("suggestions"));
        body.put("suggestions", List.of());
        given().contentType(ContentType.JSON).body(body).post(IMPORTS)
                .then().statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("suggestions"));
        body.put("heldOn", "not a date");
        given().contentType(ContentType.JSON).body(body).post(IMPORTS)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("heldOn"));
        assertEquals(forums, count(Forum.class));
        assertNotNull(body);
    }

    @Test
    void stationStaffImportOnlyForTheirOwnStationAndViewersNotAtAll() {
        long forums = count(Forum.class);
        Map<String, Object> body = new HashMap<>(Map.of("name", "座谈会", "heldOn", "2026-11-20", "stationId", "st-xihu-01",
                "participants", 10, "deputiesPresent", 1, "suggestions", List.of(Map.of("text", "建议在西湖区增加公交线路"))));
        given().auth().oauth2(io.planconsult.infra.testing.TestTokens.staff("st-gongshu-01")).contentType(ContentType.JSON).body(body).post(IMPORTS)
                .then().statusCode(403).contentType("application/problem+json").body("errors.field", hasItem("stationId"));
        given().auth().oauth2(io.planconsult.infra.testing.TestTokens.viewer()).contentType(ContentType.JSON).body(body).post(IMPORTS)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().none().contentType(ContentType.JSON).body(body).post(IMPORTS)
                .then().statusCode(401).contentType("application/problem+json");
        assertEquals(forums, count(Forum.class), "no refused import stored a forum");
        given().auth().oauth2(io.planconsult.infra.testing.TestTokens.staff("st-xihu-01")).contentType(ContentType.JSON).body(body).post(IMPORTS)
                .then().statusCode(201).body("acceptedCount", org.hamcrest.Matchers.equalTo(1));
        given().auth().none().get(IMPORTS + "/template.csv").then().statusCode(200);
    }
}
