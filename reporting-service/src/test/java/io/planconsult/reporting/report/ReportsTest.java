package io.planconsult.reporting.report;

import io.planconsult.infra.testing.SignedInAs;
import io.planconsult.infra.testing.Await;


import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.reporting.report.TaggedEventPublisher.Spec;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.SuggestionWithdrawn;
import io.planconsult.contract.Topics;
import io.planconsult.reporting.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** Runs as analyst: the endpoints under test need that role (README, "Who may do what"). */
@QuarkusTest
@SignedInAs("analyst")
class ReportsTest {

    @Inject
    ObjectMapper mapper;

    private TaggedEventPublisher events() {
        return new TaggedEventPublisher(mapper);
    }

    private static JsonPath general() {
        return given().get("/api/v1/reports/general").then().statusCode(200).contentType("application/json").extract()
                .jsonPath();
    }

    private static long total() {
        return general().getLong("totals.suggestions");
    }

    private void publishAndAwait(List<Spec> specs) {
        long before = total();
        specs.forEach(events()::publish);
        Await.await(() -> total() == before + specs.size(), specs.size() + " suggestions are in the reports");
    }

    private static long pick(JsonPath json, String list, String code, String field) {
        return json.getLong(list + ".find { it.code == '" + code + "' }." + field);
    }

    @Test
    void generalReportCountsDistrictsTopicsChannelsTrendKeywordsAndMostRaisedPoints() {
        JsonPath before = general();
        UUID cluster = UUID.randomUUID();
        Spec first = Spec.of("tonglu", "culture", "建议打造富春江网络微短剧拍摄基地（首条）").channel("media").at("2031-03-03T02:00:00Z")
                .keywords("微短剧", "拍摄基地");
        first = first.cluster(cluster, first.id());
        List<Spec> seeded = List.of(first,
                Spec.of("tonglu", "culture", "富春江畔建微短剧基地").channel("media").at("2031-03-03T20:00:00Z")
                .cluster(cluster, first.id())
                        .keywords("微短剧"),
                Spec.of("fuyang", "culture", "微短剧拍摄基地放在富春江").channel("forum").textDistrict("tonglu")
                .at("2031-03-05T03:00:00Z")
                        .cluster(cluster, first.id()).keywords("微短剧"),
                Spec.of("tonglu", "gaps", "桐庐乡村公交加密班次").channel("deputy").labels("gaps", "urban")
                .at("2031-03-10T03:00:00Z"));
        publishAndAwait(seeded);
        JsonPath after = general();

        assertEquals(before.getLong("totals.suggestions") + 4, after.getLong("totals.suggestions"));
        assertEquals(before.getLong("totals.points") + 1, after.getLong("totals.points"),
                "a cluster of three is one point; a lone suggestion is none");
        assertEquals(pick(before, "byDistrict", "tonglu", "station") + 3,
                pick(after, "byDistrict", "tonglu", "station"));
        assertEquals(pick(before, "byDistrict", "tonglu", "subject") + 4,
                pick(after, "byDistrict", "tonglu", "subject"));
        assertEquals(pick(before, "byDistrict", "fuyang", "station") + 1,
                pick(after, "byDistrict", "fuyang", "station"));
        assertEquals(pick(before, "byDistrict", "fuyang", "subject"), pick(after, "byDistrict", "fuyang", "subject"));
        assertEquals(pick(before, "byTopic", "culture", "count") + 3, pick(after, "byTopic", "culture", "count"));
        assertEquals(pick(before, "byTopic", "culture", "points") + 1, pick(after, "byTopic", "culture", "points"));
        assertEquals(pick(before, "byTopic", "urban", "mentions") + 1, pick(after, "byTopic", "urban", "mentions"));
        assertEquals(pick(before, "byTopic", "urban", "count"), pick(after, "byTopic", "urban", "count"));
        assertEquals(pick(before, "byChannel", "media", "count") + 2, pick(after, "byChannel", "media", "count"));
        assertEquals("积极推动文化“新三样”出海", after.getString("byTopic.find { it.code == 'culture' }.name"));
        assertEquals("网络媒体", after.getString("byChannel.find { it.code == 'media' }.name"));

        // Days are counted in Asia/Shanghai: 20:00Z on the 3rd is the 4th there.
        assertEquals(1, after.getLong("trend.perDay.find { it.date == '2031-03-03' }.count"));
        assertEquals(1, after.getLong("trend.perDay.find { it.date == '2031-03-04' }.count"));
        assertEquals(3, after.getLong("trend.perWeek.find { it.week == '2031-W10' }.count"));
        assertEquals("2031-03-03", after.getString("trend.perWeek.find { it.week == '2031-W10' }.weekStart"));
        assertEquals(1, after.getLong("trend.perWeek.find { it.week == '2031-W11' }.count"));

        Map<String, Object> point = after.getMap(
                "topPoints.find { it.topic == 'culture' }.points.find { it.clusterId == '" + cluster + "' }");
        assertEquals(3, ((Number) point.get("count")).intValue());
        assertEquals(first.id().toString(), point.get("suggestionId"));
        assertEquals("建议打造富春江网络微短剧拍摄基地（首条）", point.get("redactedText"));
        assertEquals(3, after.getLong(
                "topKeywords.find { it.topic == 'culture' }.keywords.find { it.keyword == '微短剧' }.count"));
    }

    @Test
    void topicReportListsDistrictsPointsKeywordsAndPagesItsSuggestions() {
        UUID cluster = UUID.randomUUID();
        Spec first = Spec.of("linan", "rule-of-law", "涉企检查要统一扫码入企").keywords("涉企检查", "扫码入企").at("2031-04-01T01:00:00Z");
        first = first.cluster(cluster, first.id());
        publishAndAwait(List.of(first,
                Spec.of("linan", "rule-of-law", "涉企检查太多，建议扫码入企").cluster(cluster, first.id()).keywords("涉企检查")
                .at("2031-04-02T01:00:00Z"),
                Spec.of("jiande", "rule-of-law", "建德建议加强基层法律服务").keywords("法律服务").at("2031-04-03T01:00:00Z")));

        JsonPath topic = given().queryParam("size", 2).get("/api/v1/reports/topics/rule-of-law").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("推进更高水平平安杭州法治杭州建设", topic.getString("topic.name"));
        long count = topic.getLong("count");
        assertTrue(count >= 3);
        assertEquals(count, topic.getLong("suggestions.total"));
        assertEquals(2, topic.getList("suggestions.items").size(), "paged to size 2");
        assertEquals(count, topic.<Integer>getList("byDistrict.station").stream().mapToLong(Integer::longValue).sum());
        assertTrue(topic.getLong("byDistrict.find { it.code == 'linan' }.station") >= 2);
        assertEquals(2, topic.getLong("topPoints.find { it.clusterId == '" + cluster + "' }.count"));
        assertTrue(topic.getLong("keywords.find { it.keyword == '涉企检查' }.count") >= 2);
        JsonPath second = given().queryParam("size", 2).queryParam("page", 1).get("/api/v1/reports/topics/rule-of-law")
                .then().statusCode(200)
                .extract().jsonPath();
        assertFalse(second.getList("suggestions.items.suggestionId").stream()
                .anyMatch(topic.getList("suggestions.items.suggestionId")::contains),
                "the second page holds other suggestions");
    }

    @Test
    void districtListGroupsByTopicInEitherPerspectiveAndLeavesOutWithdrawnSuggestions() {
        Spec named = Spec.of("binjiang", "ai", "建议在淳安建设算力中心").textDistrict("chunan").at("2031-05-01T01:00:00Z");
        Spec local = Spec.of("chunan", "gaps", "千岛湖镇农村养老服务").at("2031-05-02T01:00:00Z");
        Spec withdrawn = Spec.of("chunan", "gaps", "这条将被撤回").at("2031-05-03T01:00:00Z");
        publishAndAwait(List.of(named, local, withdrawn));

        JsonPath subject = given().get("/api/v1/reports/districts/chunan").then().statusCode(200).extract().jsonPath();
        assertEquals("subject", subject.getString("by"));
        assertEquals("淳安县", subject.getString("district.name"));
        assertTrue(subject.getList("topics.find { it.code == 'ai' }.suggestions.suggestionId")
                .contains(named.id().toString()));
        assertTrue(subject.getList("topics.find { it.code == 'gaps' }.suggestions.suggestionId")
                .contains(local.id().toString()));
        assertEquals(List.of("industry", "ai", "opening", "consumption", "culture", "gaps", "urban", "rule-of-law",
                "other"),
                subject.getList("topics.code"), "every area, in taxonomy order");
        JsonPath station = given().queryParam("by", "station").get("/api/v1/reports/districts/chunan").then()
                .statusCode(200).extract().jsonPath();
        assertFalse(station.getList("topics.suggestions.flatten().suggestionId").contains(named.id().toString()),
                "collected in Binjiang, so not on Chun'an's station list");

        long totalBefore = total();
        long gapsBefore = subject.getLong("topics.find { it.code == 'gaps' }.count");
        TestEvents.publish(mapper, Topics.SUGGESTIONS_TAGGED, withdrawn.id().toString(), UUID.randomUUID(),
                EventTypes.SUGGESTION_WITHDRAWN,
                new SuggestionWithdrawn(withdrawn.id(), 0, "st-chunan-01", "chunan",
                Instant.parse("2031-05-04T01:00:00Z")));
        Await.await(() -> total() == totalBefore - 1, "the withdrawal is applied");
        JsonPath after = given().get("/api/v1/reports/districts/chunan").then().statusCode(200).extract().jsonPath();
        assertEquals(gapsBefore - 1, after.getLong("topics.find { it.code == 'gaps' }.count"));
        assertFalse(after.getList("topics.find { it.code == 'gaps' }.suggestions.suggestionId")
                .contains(withdrawn.id().toString()));
        assertEquals(totalBefore - 1, total());
        for (String format : List.of("csv", "html")) {
            String body = given().queryParam("format", format).get("/api/v1/reports/districts/chunan").then()
                    .statusCode(200).extract().asString();
            assertFalse(body.contains("这条将被撤回"), format + " leaves the withdrawn suggestion out");
            assertTrue(body.contains("千岛湖镇农村养老服务"), format + " lists the live one");
        }
    }

    @Test
    void exportsAreCsvWithByteOrderMarkXlsxWithChineseSheetsAndHiddenCodesAndEscapedHtml() throws IOException {
        String script = "<script>alert('x')</script>建议&改进";
        publishAndAwait(List.of(Spec.of("gongshu", "urban", script).at("2031-06-01T01:00:00Z"),
                Spec.of("gongshu", "urban", "=HYPERLINK(\"http://example.invalid\")").at("2031-06-01T02:00:00Z")));

        byte[] csv = given().queryParam("format", "csv").get("/api/v1/reports/districts/gongshu").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment; filename=\"district-list-gongshu-subject.csv\""))
                .extract().asByteArray();
        assertEquals(0xEF, csv[0] & 0xFF);
        assertEquals(0xBB, csv[1] & 0xFF);
        assertEquals(0xBF, csv[2] & 0xFF);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new InputStreamReader(
                new ByteArrayInputStream(csv, 3, csv.length - 3),
                StandardCharsets.UTF_8)).getRecords();
        assertEquals("拱墅区意见建议清单", records.get(0).get(0));
        assertTrue(records.stream().anyMatch(r -> r.size() > 3 && r.get(3).equals(script)),
                "the text survives CSV quoting");
        assertTrue(records.stream().anyMatch(r -> r.size() > 3 && r.get(3).startsWith("'=HYPERLINK")),
                "a formula is defused");

        byte[] xlsx = given().accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .get("/api/v1/reports/general")
                .then().statusCode(200).header("Content-Disposition",
                containsString("filename=\"general-report.xlsx\""))
                .header("Content-Disposition", containsString("filename*=UTF-8''")).extract().asByteArray();
        Map<String, String> parts = unzip(xlsx);
        String workbook = parts.get("xl/workbook.xml");
        for (String sheet : List.of("总体", "按区县", "按重点方面", "按渠道", "按日趋势", "按周趋势", "座谈会", "关键词", "主要意见")) {
            assertTrue(workbook.contains("name=\"" + sheet + "\""), "sheet " + sheet + " in " + workbook);
        }
        String districts = parts.get("xl/worksheets/sheet2.xml");
        assertTrue(districts.matches("(?s).*<col [^>]*min=\"1\" [^>]*hidden=\"true\".*"),
                "the code column is hidden: " + districts.substring(0, 600));
        assertTrue(parts.values().stream().anyMatch(p -> p.contains("收集地（联络站所在区县）")), "Chinese column headers");
        assertTrue(parts.values().stream().anyMatch(p -> p.contains(">gongshu<")), "district codes are kept");

        String html = given().accept("text/html").get("/api/v1/reports/districts/gongshu").then().statusCode(200)
                .contentType(startsWith("text/html")).header("Content-Disposition", startsWith("inline")).extract()
                .asString();
        assertFalse(html.contains("<script>alert"), "no markup from the text");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;建议&amp;改进")
                || html.contains("&lt;script&gt;alert("),
                "the text shows escaped");
        assertTrue(html.contains("拱墅区意见建议清单"));

        given().queryParam("format", "html").get("/api/v1/reports/topics/urban").then().statusCode(200)
                .body(containsString("&lt;script&gt;"));
        given().queryParam("format", "json").accept("text/csv").get("/api/v1/reports/general").then().statusCode(200)
                .contentType("application/json");
    }

    @Test
    void badParametersAreProblems() {
        given().queryParam("format", "pdf").get("/api/v1/reports/general").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("format"));
        given().get("/api/v1/reports/topics/space").then().statusCode(404).body("errors.field", hasItem("code"));
        given().get("/api/v1/reports/districts/atlantis").then().statusCode(404).body("errors.field", hasItem("code"));
        given().queryParam("by", "planet").get("/api/v1/reports/districts/xihu").then().statusCode(400)
                .body("errors.field", hasItem("by"));
        given().queryParam("size", 500).get("/api/v1/reports/topics/ai").then().statusCode(400)
                .body("errors.field", hasItem("size"));
        given().queryParam("page", -1).get("/api/v1/reports/topics/ai").then().statusCode(400)
                .body("errors.field", hasItem("page"));
    }

    /** Reads the package through its central directory, as Excel does (entries are streamed with data descriptors). */
    static Map<String, String> unzip(byte[] zip) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("report", ".xlsx");
        try {
            java.nio.file.Files.write(file, zip);
            Map<String, String> parts = new HashMap<>();
            try (ZipFile archive = new ZipFile(file.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(archive.entries())) {
                    parts.put(entry.getName(), decodeCharacterReferences(
                            new String(archive.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            return parts;
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    /** fastexcel writes non-ASCII characters as XML character references ({@code &#x603b;}); read them as text. */
    static String decodeCharacterReferences(String xml) {
        return java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(xml)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                        Character.toString(Integer.parseInt(m.group(1), 16))));
    }
}
