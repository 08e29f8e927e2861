package io.planconsult.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.planconsult.infra.testing.SignedInAs;
import io.planconsult.intake.forum.Forum;
import io.planconsult.intake.forum.ForumImport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A retried import (same Idempotency-Key, same content) gets the first import's job back and stores nothing again. */
@io.quarkus.test.junit.QuarkusTest
@SignedInAs("admin")
class ForumImportIdempotencyTest {

    private static Map<String, Object> body(String text) {
        return Map.of("name", "临安区数字乡村座谈会", "heldOn", "2026-11-19", "stationId", "st-linan-01", "participants", 12,
                "deputiesPresent", 2, "suggestions", List.of(Map.of("text", text)));
    }

    private static Response post(String key, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/forums/imports");
    }

    @Test
    void retryWithTheSameKeyAndContentReturnsTheFirstJobAndStoresNothingAgain() {
        String key = "forum-" + UUID.randomUUID();
        long forums = ForumImports.count(Forum.class);
        Response first = post(key, body("建议在临安区推广数字乡村治理平台"));
        first.then().statusCode(201);
        assertNull(first.header(ForumImportResource.REPLAYED_HEADER));

        Response retry = post(key, body("建议在临安区推广数字乡村治理平台"));
        retry.then().statusCode(201)
                .header(ForumImportResource.REPLAYED_HEADER, "true")
                .body("id", equalTo(first.path("id")))
                .body("acceptedCount", equalTo(1));
        assertEquals(forums + 1, ForumImports.count(Forum.class));
        assertEquals(1, ForumImports.suggestionsOf(first.path("forumId")).size());
    }

    @Test
    void sameKeyWithOtherContentIsRefusedAndStoresNothing() {
        String key = "forum-" + UUID.randomUUID();
        post(key, body("建议加快天目山旅游公路建设")).then().statusCode(201);
        long jobs = ForumImports.count(ForumImport.class);
        post(key, body("建议加快天目山旅游公路建设，并增加停车位")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://planconsult.io/problems/idempotency-key-reused"))
                .body("errors.field", hasItem("Idempotency-Key"));
        assertEquals(jobs, ForumImports.count(ForumImport.class));
    }

    @Test
    void malformedKeyIsAProblem() {
        post("has spaces in it", body("建议")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void concurrentIdenticalUploadsMakeOneImport() throws Exception {
        String key = "forum-" + UUID.randomUUID();
        byte[] csv = "建议内容\n建议完善临安区山区医疗急救网络\n建议扩大农村电商培训\n".getBytes(StandardCharsets.UTF_8);
        long forums = ForumImports.count(Forum.class);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> posts = IntStream.range(0, 3)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            var request = given().contentType("multipart/form-data").header("Idempotency-Key", key);
            ForumImports.forum("st-linan-02").forEach((k, v) -> request.multiPart(k, v, "text/plain; charset=UTF-8"));
            return request.multiPart("file", "forum.csv", csv, "text/csv").post("/api/v1/forums/imports");
        })).toList();
        start.countDown();
        Set<String> jobIds = posts.stream().map(CompletableFuture::join).map(r -> {
            r.then().statusCode(org.hamcrest.Matchers.oneOf(201, 202));
            return r.<String>path("id");
        }).collect(Collectors.toSet());
        assertEquals(1, jobIds.size(), "every answer names the same job");
        assertEquals(forums + 1, ForumImports.count(Forum.class), "one forum stored");
        String location = "/api/v1/forums/imports/" + jobIds.iterator().next();
        Map<String, Object> report = ForumImports.awaitFinished(location).getLast();
        assertEquals(2, report.get("acceptedCount"));
    }
}
