package io.planconsult.reporting.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.contract.ReviewReasons;
import io.planconsult.contract.SuggestionTagged;
import io.planconsult.infra.testing.Await;
import io.planconsult.infra.testing.SignedInAs;
import io.planconsult.reporting.report.TaggedEventPublisher.Spec;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Through the real broker and PostgreSQL: a speech split into three points counts one suggestion and a point in each
 * of its areas, and is quoted in each area's sub-report; a greeting counts apart from every topic and total; a flagged
 * suggestion shows in its cell's flag count.
 */
@QuarkusTest
@SignedInAs("analyst")
class PointsAndNotSuggestionsTest {

    private static final String DISTRICT = "jiande";
    private static final String SPEECH = "建议如下：一是建设县域算力中心。二是打通新安江两岸断头路。三是补齐乡镇卫生院医生短板。";

    @Inject
    ObjectMapper mapper;

    private static JsonPath tallies() {
        return given().get("/api/v1/tallies?by=station").then().statusCode(200).extract().jsonPath();
    }

    private static long cell(JsonPath t, String topic, String field) {
        Object value = t.get("cells.find { it.district == '" + DISTRICT + "' && it.topic == '" + topic + "' }."
                + field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static long apart(JsonPath t) {
        Object value = t.get("notSuggestionsByDistrict." + DISTRICT);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static SuggestionTagged.Point point(String passage, String topic) {
        int start = SPEECH.indexOf(passage);
        return new SuggestionTagged.Point(start, start + passage.length(), topic, List.of(topic), null, List.of(),
                null);
    }

    @Test
    void pointsCountPerCellGreetingsApartAndFlagsPerCell() {
        JsonPath before = tallies();
        JsonPath generalBefore = given().get("/api/v1/reports/general").then().statusCode(200).extract().jsonPath();
        TaggedEventPublisher events = new TaggedEventPublisher(mapper);
        Spec speech = Spec.of(DISTRICT, "ai", SPEECH).channel("cppcc").labels("ai", "urban", "gaps");
        Spec greeting = Spec.of(DISTRICT, "other", "你好，请问这里是人大代表联络站吗？");
        Spec unsure = Spec.of(DISTRICT, "consumption", "建德夜间集市延长营业时间");
        events.publish(speech, List.of(ReviewReasons.MULTI_POINT), List.of(point("一是建设县域算力中心。", "ai"),
                point("二是打通新安江两岸断头路。", "urban"), point("三是补齐乡镇卫生院医生短板。", "gaps")));
        events.publish(greeting, List.of(ReviewReasons.NOT_A_SUGGESTION), List.of());
        events.publish(unsure, List.of(ReviewReasons.CLOSE_SECOND), List.of());
        Await.await(() -> tallies().getLong("total") == before.getLong("total") + 3
                && tallies().getLong("notSuggestions") == before.getLong("notSuggestions") + 1,
                "two suggestions and one greeting are tallied, all three in the total");

        JsonPath after = tallies();
        assertEquals(cell(before, "ai", "count") + 1, cell(after, "ai", "count"), "the speech counts once, as ai");
        assertEquals(cell(before, "urban", "count"), cell(after, "urban", "count"));
        for (String topic : List.of("ai", "urban", "gaps")) {
            assertEquals(cell(before, topic, "points") + 1, cell(after, topic, "points"), "a point in " + topic);
        }
        assertEquals(cell(before, "other", "count"), cell(after, "other", "count"), "the greeting is not in other");
        assertEquals(apart(before) + 1, apart(after));
        assertEquals(cell(before, ReviewReasons.NOT_A_SUGGESTION, "count") + 1,
                cell(after, ReviewReasons.NOT_A_SUGGESTION, "count"), "the greeting has a cell of its own");
        assertEquals(after.getLong("total"), after.getList("cells.count", Long.class).stream()
                .mapToLong(Long::longValue).sum(), "the cells add up to the total, greetings included");
        assertEquals(cell(before, "consumption", "flagged") + 1, cell(after, "consumption", "flagged"));
        assertEquals(cell(before, "ai", "flagged") + 1, cell(after, "ai", "flagged"), "multi-point is a flag too");
        assertEquals(before.getLong("flagged") + 3, after.getLong("flagged"),
                "the greeting's flag counts in the total");
        assertEquals(cell(before, ReviewReasons.NOT_A_SUGGESTION, "points"),
                cell(after, ReviewReasons.NOT_A_SUGGESTION, "points"), "a greeting makes no point");

        for (Map.Entry<String, String> quoted : Map.of("ai", "一是建设县域算力中心。", "urban", "二是打通新安江两岸断头路。",
                "gaps", "三是补齐乡镇卫生院医生短板。").entrySet()) {
            JsonPath topic = given().get("/api/v1/reports/topics/" + quoted.getKey()).then().statusCode(200).extract()
                    .jsonPath();
            assertEquals(quoted.getValue(), topic.getString("passages.find { it.suggestionId == '" + speech.id()
                    + "' }.passage"), quoted.getKey() + " sub-report quotes its passage");
        }
        given().get("/api/v1/reports/topics/urban?format=csv").then().statusCode(200)
                .body(containsString("二是打通新安江两岸断头路。"));

        JsonPath general = given().get("/api/v1/reports/general").then().statusCode(200).extract().jsonPath();
        assertEquals(generalBefore.getLong("totals.notSuggestions") + 1, general.getLong("totals.notSuggestions"));
        assertEquals(generalBefore.getLong("totals.suggestions") + 2, general.getLong("totals.suggestions"));
        assertEquals(generalBefore.getLong("byTopic.find { it.code == 'other' }.count"),
                general.getLong("byTopic.find { it.code == 'other' }.count"));
        JsonPath list = given().get("/api/v1/reports/districts/" + DISTRICT + "?by=station").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(list.getLong("notSuggestions") >= 1);
        List<String> listed = list.getList("topics.suggestions.flatten().suggestionId");
        assertFalse(listed.contains(greeting.id().toString()), "the district list leaves greetings out");
        assertTrue(listed.contains(speech.id().toString()));
        UUID greetingId = greeting.id();
        given().get("/api/v1/review?reason=not-a-suggestion&district=" + DISTRICT).then().statusCode(200)
                .body(containsString(greetingId.toString()));
    }
}
