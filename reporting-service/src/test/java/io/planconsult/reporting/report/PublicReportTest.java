package io.planconsult.reporting.report;

import io.planconsult.infra.testing.Await;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.contract.EventIds;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.SuggestionsMerged;
import io.planconsult.contract.Topics;
import io.planconsult.reporting.TestEvents;
import io.planconsult.reporting.report.TaggedEventPublisher.Spec;
import io.planconsult.infra.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * Anonymous callers get aggregates only; representative texts are for analysts and admins; a lone suggestion is a
 * point only once an analyst promotes it (a merge of that one suggestion).
 */
@QuarkusTest
class PublicReportTest {

    /** A name, a phone, a resident ID and a flat number, as a submitter types them. */
    private static final List<String> PERSONAL = List.of("反映人王秀英", "13857123456", "330103199203150041", "3幢2单元401室");

    @Inject
    ObjectMapper mapper;

    private static RequestSpecification as(String role) {
        return role == null ? given() : given().auth().oauth2(TestTokens.forRole(role));
    }

    private static JsonPath general(String role) {
        return as(role).get("/api/v1/reports/general").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> point(JsonPath report, String topic, UUID cluster) {
        return report.getMap("topPoints.find { it.topic == '" + topic + "' }.points.find { it.clusterId == '" + cluster
                + "' }");
    }

    @Test
    void anonymousCallersGetTheGeneralReportInEveryFormatWithoutAnySuggestionText() throws IOException {
        String marker = "夜间经济街区试点" + UUID.randomUUID().toString().substring(0, 8);
        UUID cluster = UUID.randomUUID();
        // The representative text carries personal data, as if redaction had missed it: anonymous exports hold no text.
        Spec first = Spec.of("shangcheng", "consumption", "建议湖滨步行街开展" + marker + String.join("，", PERSONAL))
                .keywords("夜间经济");
        first = first.cluster(cluster, first.id());
        TaggedEventPublisher events = new TaggedEventPublisher(mapper);
        events.publish(first);
        events.publish(Spec.of("shangcheng", "consumption", "湖滨一带" + marker + "值得推广").cluster(cluster, first.id()));
        Await.await(() -> point(general("analyst"), "consumption", cluster) != null, "the cluster is a point");

        Map<String, Object> forAnalyst = point(general("analyst"), "consumption", cluster);
        assertTrue(String.valueOf(forAnalyst.get("redactedText")).contains(marker),
                "analysts see the representative text");
        for (String role : new String[] {null, "viewer", "station-staff"}) {
            JsonPath report = general(role);
            Map<String, Object> point = point(report, "consumption", cluster);
            assertEquals(2, ((Number) point.get("count")).intValue(), "the count is public");
            assertNull(point.get("redactedText"));
            assertNull(point.get("suggestionId"));
            assertFalse(report.prettify().contains(marker), role + " sees no suggestion text");
            PERSONAL.forEach(value -> assertFalse(report.prettify().contains(value), role + " sees " + value));
        }
        // Whatever leads consumption's keywords (other tests' suggestions share the schema) must reach every export.
        String keyword = general(null).getString("topKeywords.find { it.topic == 'consumption' }.keywords[0].keyword");
        for (String format : List.of("csv", "html")) {
            String text = as(null).queryParam("format", format).get("/api/v1/reports/general").then().statusCode(200)
                    .extract().asString();
            assertFalse(text.contains(marker), "the anonymous " + format + " export holds no suggestion text");
            PERSONAL.forEach(value -> assertFalse(text.contains(value), format + " holds no personal data"));
            assertTrue(text.contains(keyword), "keywords are aggregates and stay in " + format + ": " + keyword);
        }
        List<String> cells = WorkbookCells.of(workbook(null));
        assertTrue(cells.stream().anyMatch(c -> c.contains(keyword)),
                "the workbook holds the leading keyword " + keyword);
        assertFalse(cells.stream().anyMatch(c -> c.contains(marker)),
                "the anonymous workbook holds no suggestion text");
        PERSONAL.forEach(value -> assertFalse(cells.stream().anyMatch(c -> c.contains(value)),
                "workbook holds " + value));
        // The reader's control: the same workbook for an analyst carries the representative text, so it is found.
        assertTrue(WorkbookCells.of(workbook("analyst")).stream().anyMatch(c -> c.contains(marker)),
                "an analyst's workbook shows the representative text");
    }

    private static byte[] workbook(String role) {
        return as(role).queryParam("format", "xlsx").get("/api/v1/reports/general").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").extract()
                .asByteArray();
    }

    @Test
    void aLoneSuggestionIsAPointOnlyOnceAnAnalystPromotesIt() {
        Spec lone = Spec.of("binjiang", "opening", "建议滨江承办国际数字贸易博览会" + UUID.randomUUID());
        long before = general("analyst").getLong("totals.suggestions");
        new TaggedEventPublisher(mapper).publish(lone);
        Await.await(() -> general("analyst").getLong("totals.suggestions") > before, "the suggestion is counted");
        long points = general("analyst").getLong("totals.points");
        assertNull(point(general("analyst"), "opening", lone.id()), "a single suggestion is not a most-raised point");

        UUID cluster = EventIds.cluster(lone.id());
        TestEvents.publish(mapper, Topics.CORRECTIONS, cluster.toString(), UUID.randomUUID(),
                EventTypes.SUGGESTIONS_MERGED,
                new SuggestionsMerged(cluster, lone.id(), List.of(lone.id()), 1, Instant.now()));
        Await.await(() -> point(general("analyst"), "opening", cluster) != null, "the promoted suggestion is a point");
        JsonPath after = general("analyst");
        assertEquals(1, ((Number) point(after, "opening", cluster).get("count")).intValue());
        assertEquals(lone.redactedText(), point(after, "opening", cluster).get("redactedText"));
        assertEquals(points + 1, after.getLong("totals.points"));
    }
}
