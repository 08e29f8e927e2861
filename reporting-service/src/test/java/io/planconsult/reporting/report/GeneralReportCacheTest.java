package io.planconsult.reporting.report;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.contract.EventTypes;
import io.planconsult.contract.ForumRecorded;
import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.Await;
import io.planconsult.infra.testing.SignedInAs;
import io.planconsult.reporting.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** The general report is kept per version of the read model ({@link GeneralReportCache}). */
@QuarkusTest
@SignedInAs("analyst")
class GeneralReportCacheTest {

    @Inject
    ObjectMapper mapper;

    private static JsonPath general() {
        return given().get("/api/v1/reports/general").then().statusCode(200).extract().jsonPath();
    }

    /** A forum moves no tally cell, yet the report kept before it must show it at once. */
    @Test
    void generalReportKeptBetweenChangesShowsAForumRecordedAfterIt() {
        JsonPath before = general();
        assertEquals(before.getLong("totals.forums"), general().getLong("totals.forums"), "kept while nothing changes");
        UUID forum = UUID.randomUUID();
        TestEvents.publish(mapper, Topics.FORUMS, forum.toString(), UUID.randomUUID(), EventTypes.FORUM_RECORDED,
                new ForumRecorded(forum, "缓存测试座谈会", LocalDate.of(2031, 3, 1), "tonglu", null, 12, 3, 4,
                        Instant.now()));
        Await.await(() -> general().getLong("totals.forums") == before.getLong("totals.forums") + 1,
                "the forum is in the general report kept before it");
        assertEquals(before.getLong("totals.forumParticipants") + 12, general().getLong("totals.forumParticipants"));
    }
}
