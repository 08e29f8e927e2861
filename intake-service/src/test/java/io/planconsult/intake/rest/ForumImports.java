package io.planconsult.intake.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.intake.domain.Suggestion;
import io.planconsult.intake.forum.Forum;
import io.planconsult.intake.forum.ForumImport;
import io.planconsult.intake.forum.ForumSuggestion;
import io.planconsult.intake.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** What the forum import tests share: a forum's form fields, an upload, waiting for a job, counting what was stored. */
final class ForumImports {

    static final String IMPORTS = "/api/v1/forums/imports";
    private static final String TEXT_UTF8 = "text/plain; charset=UTF-8";

    private ForumImports() {
    }

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
        return QuarkusTransaction.requiringNew().call(() ->
                ForumSuggestion.<ForumSuggestion>list("forumId", UUID.fromString(forumId))
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

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
