package io.planconsult.reporting.review;

import io.planconsult.infra.testing.Await;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.planconsult.contract.EventIds;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.ReviewReasons;
import io.planconsult.contract.SuggestionRetagged;
import io.planconsult.contract.SuggestionTagged;
import io.planconsult.contract.Topics;
import io.planconsult.reporting.TestEvents;
import io.planconsult.infra.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReviewQueueTest {

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void signIn() {
        TestTokens.signIn("analyst");
    }

    @AfterEach
    void signOut() {
        TestTokens.signOut();
    }

    private void publishTagged(UUID id, String district, String topic, List<String> reasons) {
        SuggestionTagged base = TestEvents.tagged(id, 0, district, "station", topic, EventIds.cluster(id));
        SuggestionTagged flagged = new SuggestionTagged(base.suggestionId(), base.sourceEventId(), base.stationId(),
                base.stationDistrict(), base.channel(), base.submittedAt(), base.primaryTopic(), base.topics(),
                base.labels(), base.textDistrict(), base.redactedText(), base.piiTypes(), base.modelVersion(),
                base.taxonomyVersion(), !reasons.isEmpty(), base.keywords(), base.clusterId(),
                base.clusterFirstSuggestionId(), 0, reasons, List.of(), "zh");
        TestEvents.publish(mapper, Topics.SUGGESTIONS_TAGGED, id.toString(), UUID.randomUUID(),
                EventTypes.SUGGESTION_TAGGED, flagged);
    }

    private static List<String> queued(String query) {
        return given().get("/api/v1/review" + query).then().statusCode(200).extract().jsonPath()
                .getList("items.suggestionId");
    }

    @Test
    void flaggedSuggestionsAreQueuedWithTheirReasonsUntilAnAnalystRetagsThem() {
        UUID greeting = UUID.randomUUID();
        UUID unsure = UUID.randomUUID();
        UUID sure = UUID.randomUUID();
        publishTagged(greeting, "tonglu", "other", List.of(ReviewReasons.NOT_A_SUGGESTION));
        publishTagged(unsure, "tonglu", "gaps", List.of(ReviewReasons.LOW_CONFIDENCE, ReviewReasons.CLOSE_SECOND));
        publishTagged(sure, "tonglu", "gaps", List.of());
        Await.await(() -> queued("?district=tonglu").containsAll(List.of(greeting.toString(), unsure.toString())),
                Duration.ofSeconds(60), "both flagged suggestions are queued");

        given().get("/api/v1/review?district=tonglu").then().statusCode(200)
                .body("items.suggestionId", not(hasItem(sure.toString())))
                .body("items.find { it.suggestionId == '" + unsure + "' }.reasons",
                        equalTo(List.of(ReviewReasons.LOW_CONFIDENCE, ReviewReasons.CLOSE_SECOND)));
        List<String> greetings = queued("?district=tonglu&reason=not-a-suggestion");
        org.junit.jupiter.api.Assertions.assertTrue(greetings.contains(greeting.toString()));
        org.junit.jupiter.api.Assertions.assertFalse(greetings.contains(unsure.toString()));
        List<String> gaps = queued("?district=tonglu&topic=gaps");
        org.junit.jupiter.api.Assertions.assertEquals(List.of(unsure.toString()),
                gaps.stream().filter(id -> id.equals(unsure.toString()) || id.equals(greeting.toString())).toList());

        TestEvents.publish(mapper, Topics.CORRECTIONS, unsure.toString(), UUID.randomUUID(),
                EventTypes.SUGGESTION_RETAGGED, new SuggestionRetagged(unsure, 1, "urban", List.of("urban"),
                        Instant.now()));
        Await.await(() -> !queued("?district=tonglu").contains(unsure.toString()), Duration.ofSeconds(60),
                "a re-tag clears the flag");
    }

    @Test
    void badFiltersAreProblemsNamingTheField() {
        given().get("/api/v1/review?reason=boring").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().get("/api/v1/review?district=atlantis").then().statusCode(404)
                .body("errors[0].field", equalTo("district"));
        given().get("/api/v1/review?size=0").then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void viewersMayNotReadTheQueue() {
        TestTokens.signIn("viewer");
        given().get("/api/v1/review").then().statusCode(403);
    }
}
