package io.planconsult.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.planconsult.infra.testing.SignedInAs;
import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.TopicProbe;
import io.planconsult.intake.forum.ForumImport;
import io.planconsult.intake.forum.ForumMetadata;
import io.planconsult.intake.forum.ForumSuggestion;
import io.planconsult.intake.forum.ImportFormat;
import io.planconsult.intake.forum.ImportJobStore;
import io.planconsult.intake.forum.ImportProcessor;
import io.planconsult.intake.forum.ImportRow;
import io.planconsult.intake.forum.Requester;
import io.planconsult.intake.idempotency.IdempotencyKeyReusedException;
import io.planconsult.intake.idempotency.IdempotencyKeys;
import io.planconsult.intake.idempotency.IdempotentRequest;
import io.planconsult.intake.idempotency.StoredReply;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** The job lifecycle beyond the happy path: a crash mid-job, a job that keeps crashing, a row the database refuses. */
@QuarkusTest
@SignedInAs("admin")
class ForumImportJobTest {

    @Inject
    ImportJobStore store;
    @Inject
    ImportProcessor processor;
    @Inject
    IdempotencyKeys keys;

    private static final ForumMetadata FORUM = new ForumMetadata("建德市乡村振兴座谈会", LocalDate.of(2026, 11, 19),
            "st-jiande-01", null, 25, 3, null);
    private static final String PATH = "/api/v1/forums/imports";
    private static final Requester ANALYST = new Requester("analyst-1", "analyst", "analyst-1|");
    private static final ImportJobStore.Placement JIANDE =
            new ImportJobStore.Placement("st-jiande-01", "st-jiande-01", "jiande");

    private static List<ImportRow> rows(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> new ImportRow(i, "建议完善建德市第" + i + "个行政村的农村公交", null, null,
                null, null)).toList();
    }

    private static void expireLease(UUID importId, int attempts) {
        QuarkusTransaction.requiringNew().run(() -> ForumImport.update("leaseUntil = ?1, attempts = ?2 where id = ?3",
                Instant.now().minusSeconds(1), attempts, importId));
    }

    private static List<ForumSuggestion> links(UUID importId) {
        return QuarkusTransaction.requiringNew().call(() ->
                ForumSuggestion.<ForumSuggestion>list("importId", importId));
    }

    @Test
    void jobInterruptedMidwayIsResumedWhereItsLastChunkCommittedAndStoresEachRowOnce() {
        UUID crashedWorker = UUID.randomUUID();
        ForumImport job = store.create(ANALYST, FORUM, JIANDE, ImportFormat.JSON, null, rows(60), List.of(),
                crashedWorker);
        assertEquals(ImportProcessor.Step.MORE, processor.processChunk(job.id, crashedWorker, 25));
        given().get("/api/v1/forums/imports/" + job.id).then().statusCode(200)
                .body("status", equalTo("RUNNING"))
                .body("rowsDone", equalTo(25))
                .body("totalRows", equalTo(60));

        expireLease(job.id, 1); // the worker "crashed": its lease runs out and nobody renews it
        Map<String, Object> report = ForumImports.awaitFinished("/api/v1/forums/imports/" + job.id).getLast();

        assertEquals("COMPLETED", report.get("status"));
        assertEquals(1, report.get("interruptions"));
        assertEquals(60, report.get("acceptedCount"));
        List<ForumSuggestion> links = links(job.id);
        assertEquals(60, links.size());
        assertEquals(IntStream.rangeClosed(1, 60).boxed().collect(Collectors.toSet()),
                links.stream().map(l -> l.rowNumber).collect(Collectors.toSet()),
                "every row stored exactly once");
        assertEquals(ImportProcessor.Step.LOST, processor.processChunk(job.id, crashedWorker, 25),
                "the old worker cannot touch it any more");
    }

    @Test
    void jobThatKeepsBeingInterruptedIsFailedAndReportedNotLost() {
        UUID crashedWorker = UUID.randomUUID();
        ForumImport job = store.create(ANALYST, FORUM, JIANDE, ImportFormat.JSON, null, rows(40), List.of(),
                crashedWorker);
        assertEquals(ImportProcessor.Step.MORE, processor.processChunk(job.id, crashedWorker, 25));
        expireLease(job.id, 3); // the third attempt died too

        Map<String, Object> report = ForumImports.awaitFinished("/api/v1/forums/imports/" + job.id).getLast();
        assertEquals("FAILED", report.get("status"));
        assertEquals(25, report.get("acceptedCount"));
        assertEquals(25, report.get("rowsDone"));
        assertTrue(((String) report.get("failure")).contains("15 rows not processed"), (String) report.get("failure"));
        long staged = QuarkusTransaction.requiringNew().call(() -> ((Number) ForumImport.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM forum_import_row WHERE import_id = ?1").setParameter(1, job.id)
                .getSingleResult()).longValue());
        assertEquals(0, staged, "the rows it gave up on are not kept (they may hold contact data)");
        try (TopicProbe forums = TopicProbe.of(ForumImports.bootstrap(), Topics.FORUMS)) {
            ConsumerRecord<String, String> event = forums.awaitKey(job.forumId.toString(), Duration.ofSeconds(30))
                    .orElseThrow();
            assertTrue(event.value().contains("\"suggestionCount\":25"),
                    "the forum is recorded with what was stored: " + event.value());
        }
    }

    @Test
    void rowTheDatabaseRefusesIsRejectedAndTheRestOfItsChunkIsStored() {
        // PostgreSQL refuses NUL in text; unless a rule catches it first, storing the row fails and its chunk is
        // retried row by row.
        List<Map<String, Object>> suggestions = IntStream.rangeClosed(1, 30)
                .mapToObj(i -> Map.<String, Object>of("text", i == 7 ? "建议\u0000测试" : "建议增加建德市第" + i + "个村的垃圾分类点"))
                .toList();
        Map<String, Object> body = Map.of("name", "建德市环境座谈会", "heldOn", "2026-11-19", "stationId", "st-jiande-02",
                "participants", 18, "deputiesPresent", 2, "suggestions", suggestions);
        var response = given().contentType(ContentType.JSON).body(body).post("/api/v1/forums/imports");
        response.then().statusCode(201)
                .body("acceptedCount", equalTo(29))
                .body("rejectedCount", equalTo(1))
                .body("rejected[0].row", equalTo(7));
        String field = response.path("rejected[0].errors[0].field");
        assertTrue(Set.of("$", "text").contains(field), field);
        UUID importId = UUID.fromString(response.path("id"));
        List<ForumSuggestion> links = links(importId);
        assertEquals(29, links.size());
        assertTrue(links.stream().noneMatch(l -> l.rowNumber == 7));
    }

    @Test
    void aSecondJobUnderALiveKeyIsNeverStoredSoRetriesCannotBothImport() {
        String key = "key-" + UUID.randomUUID();
        IdempotentRequest keyed = IdempotentRequest.of(ANALYST.scope(), key, PATH, "same content".getBytes());
        StoredReply first = keys.run(keyed, this::createJob);
        long jobs = ForumImports.count(ForumImport.class);
        StoredReply second = keys.run(keyed, this::createJob);
        assertTrue(second.replayed());
        assertEquals(first.body(), second.body(), "the retry names the first job");
        assertEquals(jobs, ForumImports.count(ForumImport.class), "no second job, forum or rows");

        IdempotentRequest otherContent = IdempotentRequest.of(ANALYST.scope(), key, PATH, "other content".getBytes());
        assertThrows(IdempotencyKeyReusedException.class, () -> keys.run(otherContent, this::createJob));
        assertEquals(jobs, ForumImports.count(ForumImport.class), "the refused request stored nothing");
    }

    private StoredReply createJob() {
        ForumImport job = store.create(ANALYST, FORUM, JIANDE, ImportFormat.JSON, null, rows(1), List.of(), null);
        return StoredReply.of(202, PATH + "/" + job.id, job.id.toString());
    }
}
