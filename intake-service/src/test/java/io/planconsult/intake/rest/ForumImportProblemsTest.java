package io.planconsult.intake.rest;

import static io.planconsult.intake.rest.ForumImports.forum;
import static io.planconsult.intake.rest.ForumImports.upload;
import static io.planconsult.intake.rest.ForumImports.count;
import static io.planconsult.intake.rest.ForumImports.awaitOutboxDrained;
import static io.planconsult.intake.rest.ForumImports.csv;
import static io.planconsult.intake.rest.ForumImports.IMPORTS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.planconsult.intake.domain.Suggestion;
import io.planconsult.intake.forum.Forum;
import io.planconsult.intake.forum.ForumImport;
import io.planconsult.intake.outbox.OutboxEvent;
import io.planconsult.infra.testing.SignedInAs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A request that cannot be imported as a whole: a problem naming the field at fault, and nothing stored.
 * Runs as admin unless a test says otherwise.
 */
@QuarkusTest
@SignedInAs("admin")
class ForumImportProblemsTest {

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
                new Object[] {"a PDF", forum("st-xihu-01"), "a.pdf",
                "%PDF-1.7 binary".getBytes(StandardCharsets.US_ASCII), 422, "file"},
                new Object[] {"legacy xls", forum("st-xihu-01"), "a.xls", ole2, 422, "file"},
                new Object[] {"header only", forum("st-xihu-01"), "a.csv", csv("建议内容,渠道\n"), 422, "file"},
                new Object[] {"no text column", forum("st-xihu-01"), "a.csv", csv("姓名,电话\n张三,1\n"), 422, "file"},
                new Object[] {"empty file", forum("st-xihu-01"), "a.csv", new byte[0], 422, "file"},
                new Object[] {"neither UTF-8 nor GBK", forum("st-xihu-01"), "a.csv",
                new byte[] {(byte) 0x81, 0x20, (byte) 0xFF, (byte) 0xFF}, 422, "file"});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badUploads")
    void wholeRequestProblemIsAProblemNamingTheFieldAndStoresNothing(String label, Map<String, String> fields,
            String fileName, byte[] file,
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
        Map<String, Object> body = new HashMap<>(Map.of("name", "座谈会", "heldOn", "2026-11-20", "stationId",
                "st-xihu-01",
                "participants", 10, "deputiesPresent", 1));
        given().contentType(ContentType.JSON).body(body).post(IMPORTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("suggestions"));
        body.put("suggestions", List.of());
        given().contentType(ContentType.JSON).body(body).post(IMPORTS)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("suggestions"));
        body.put("heldOn", "not a date");
        given().contentType(ContentType.JSON).body(body).post(IMPORTS)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("heldOn"));
        assertEquals(forums, count(Forum.class));
        assertNotNull(body);
    }
}
