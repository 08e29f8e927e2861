package io.planconsult.reporting.messaging;

import static io.planconsult.infra.testing.Await.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.planconsult.infra.testing.SignedInAs;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.planconsult.contract.EventIds;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.ForumRecorded;
import io.planconsult.contract.SuggestionRetagged;
import io.planconsult.contract.SuggestionWithdrawn;
import io.planconsult.contract.SuggestionsMerged;
import io.planconsult.contract.Topics;
import io.planconsult.reporting.TestEvents;
import io.planconsult.reporting.tally.TallyRecount;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * The admin rebuild replays the topics into an emptied read model and ends with the tallies live consumption had.
 * Runs as admin: the endpoints under test need that role (README, "Who may do what").
 */
@QuarkusTest
@SignedInAs("admin")
class RebuildTest {

    private static final List<String> DIMENSIONS = List.of("station", "subject", "channel", "day", "week");

    @Inject
    ObjectMapper mapper;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void rebuiltTalliesEqualTheLiveOnesAndLiveEventsDuringARebuildConverge() throws Exception {
        // Live: a lifecycle across the three topics.
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID clusterA = EventIds.cluster(a);
        tagged(a, 0, "tonglu", "deputy", "gaps", clusterA);
        tagged(a, 1, "tonglu", "deputy", "urban", clusterA);
        tagged(b, 0, "tonglu", "deputy", "urban", EventIds.cluster(b));
        tagged(c, 0, "tonglu", "cppcc", "ai", EventIds.cluster(c));
        TestEvents.publish(mapper, Topics.SUGGESTIONS_TAGGED, c.toString(), UUID.randomUUID(),
                EventTypes.SUGGESTION_WITHDRAWN,
                new SuggestionWithdrawn(c, 0, "st-tonglu-01", "tonglu", Instant.now()));
        TestEvents.publish(mapper, Topics.CORRECTIONS, b.toString(), UUID.randomUUID(), EventTypes.SUGGESTION_RETAGGED,
                new SuggestionRetagged(b, 11, "culture", List.of("culture"), Instant.now()));
        TestEvents.publish(mapper, Topics.CORRECTIONS, a.toString(), UUID.randomUUID(), EventTypes.SUGGESTIONS_MERGED,
                new SuggestionsMerged(clusterA, a, List.of(a, b), 12, Instant.now()));
        UUID forum = UUID.randomUUID();
        TestEvents.publish(mapper, Topics.FORUMS, forum.toString(), UUID.randomUUID(), EventTypes.FORUM_RECORDED,
                new ForumRecorded(forum, "桐庐县座谈会", java.time.LocalDate.of(2026, 11, 18), "tonglu", null, 40, 5, 2,
                Instant.now()));
        await(() -> cell("station", "tonglu", "culture") == 1 && cell("station", "tonglu", "urban") == 1
                && clusters("station", "tonglu", "urban") == 1 && merged(b, clusterA)
                && cell("station", "tonglu", "ai") == 0,
                Duration.ofSeconds(60), "the lifecycle is applied live");

        // A first rebuild leaves only what the topics hold (other tests apply events straight to the ledger).
        awaitCaughtUp(startRebuild());
        Map<String, String> live = apiTallies();
        TallyRecount.Snapshot liveCells = TallyRecount.read(dataSource);

        String second = startRebuild();
        awaitCaughtUp(second);
        given().get("/api/v1/admin/rebuild/" + second).then().statusCode(200)
                .body("caughtUp", equalTo(true)).body("state", equalTo("CAUGHT_UP")).body("progress", equalTo(1.0f));
        assertEquals(live, apiTallies(), "the rebuilt tallies equal the live ones, in every dimension");
        assertEquals(liveCells.cells(), TallyRecount.read(dataSource).cells());
        assertEquals(liveCells.states(), TallyRecount.read(dataSource).states());

        // Live events while a rebuild runs: both converge on the same state.
        String third = startRebuild();
        UUID d = UUID.randomUUID();
        tagged(d, 0, "tonglu", "media", "opening", EventIds.cluster(d));
        TestEvents.publish(mapper, Topics.CORRECTIONS, a.toString(), UUID.randomUUID(), EventTypes.SUGGESTION_RETAGGED,
                new SuggestionRetagged(a, 13, "rule-of-law", List.of("rule-of-law"), Instant.now()));
        awaitCaughtUp(third);
        await(() -> cell("channel", "media", "opening") >= 1 && cell("station", "tonglu", "rule-of-law") >= 1,
                Duration.ofSeconds(60), "the events sent during the rebuild are applied");
        TallyRecount.Snapshot after = TallyRecount.read(dataSource);
        assertEquals(TallyRecount.recount(after.states().values()), after.cells(),
                "the tallies equal a recount of the states");
        assertEquals(0L, cell("station", "tonglu", "urban"), "a moved to rule-of-law, b is culture");
    }

    @Test
    void unknownRebuildIsAProblem() {
        given().get("/api/v1/admin/rebuild/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("id"));
        given().get("/api/v1/admin/rebuild/not-a-uuid").then().statusCode(400).contentType("application/problem+json");
    }

    private void tagged(UUID id, int revision, String district, String channel, String topic, UUID cluster) {
        TestEvents.publish(mapper, Topics.SUGGESTIONS_TAGGED, id.toString(),
                EventIds.derived(UUID.randomUUID(), EventTypes.SUGGESTION_TAGGED),
                EventTypes.SUGGESTION_TAGGED, TestEvents.tagged(id, revision, district, channel, topic, cluster));
    }

    private static String startRebuild() {
        return given().post("/api/v1/admin/rebuild").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/admin/rebuild/"))
                .extract().jsonPath().getString("runId");
    }

    private static void awaitCaughtUp(String runId) {
        await(() -> {
            JsonPath status = given().get("/api/v1/admin/rebuild/" + runId).then().statusCode(200).extract().jsonPath();
            assertTrue(!"FAILED".equals(status.getString("state")), status.prettify());
            return status.getBoolean("caughtUp");
        }, Duration.ofSeconds(120), "rebuild " + runId + " has caught up");
    }

    private boolean merged(UUID suggestion, UUID cluster) {
        try {
            TallyRecount.State state = TallyRecount.read(dataSource).states().get(suggestion);
            return state != null && cluster.equals(state.clusterId());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> apiTallies() {
        Map<String, String> all = new HashMap<>();
        for (String by : DIMENSIONS) {
            all.put(by, given().queryParam("by", by).get("/api/v1/tallies").then().statusCode(200).extract()
                    .asString());
        }
        return all;
    }

    private static long cell(String by, String bucket, String topic) {
        return sum(by, bucket, topic, "count");
    }

    private static long clusters(String by, String bucket, String topic) {
        return sum(by, bucket, topic, "clusters");
    }

    private static long sum(String by, String bucket, String topic, String field) {
        String key = switch (by) {
            case "station", "subject" -> "district";
            default -> by;
        };
        return given().queryParam("by", by).get("/api/v1/tallies").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("cells").stream()
                .filter(c -> bucket.equals(c.get(key)) && topic.equals(c.get("topic")))
                .mapToLong(c -> ((Number) c.get(field)).longValue()).sum();
    }
}
