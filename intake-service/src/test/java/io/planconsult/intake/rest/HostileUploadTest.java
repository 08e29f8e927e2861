package io.planconsult.intake.rest;

import static io.planconsult.intake.rest.ForumImports.forum;
import static io.planconsult.intake.rest.ForumImports.upload;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.planconsult.infra.testing.TestTokens;
import io.planconsult.intake.forum.Forum;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** A zip bomb posing as an XLSX forum import: 413 problem+json naming the file, nothing stored. */
@QuarkusTest
class HostileUploadTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @BeforeEach
    void signIn() {
        RestAssured.authentication = RestAssured.oauth2(TestTokens.admin());
    }

    @AfterEach
    void signOut() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    @Test
    void aZipBombUploadIs413AndStoresNothing() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
        }
        long forumsBefore = QuarkusTransaction.requiringNew().call(() -> Forum.count());
        upload(forum("st-xihu-01"), "minutes.xlsx", out.toByteArray(), XLSX)
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://planconsult.io/problems/import-too-large"))
                .body("errors[0].field", equalTo("file"));
        assertEquals(forumsBefore, QuarkusTransaction.requiringNew().call(() -> Forum.count()));
    }
}
