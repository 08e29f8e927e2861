package io.planconsult.intake.rest;

import static io.planconsult.intake.rest.ForumImports.forum;
import static io.planconsult.intake.rest.ForumImports.upload;
import static io.planconsult.intake.rest.ForumImports.suggestionsOf;
import static io.planconsult.intake.rest.ForumImports.csv;
import static io.planconsult.intake.rest.ForumImports.IMPORTS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import io.planconsult.intake.domain.SubmitterContact;
import io.planconsult.infra.testing.SignedInAs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The files stations really send: GBK and UTF-8 with a byte order mark, a workbook filled in from the template, the
 * templates themselves. Runs as admin unless a test says otherwise.
 */
@QuarkusTest
@SignedInAs("admin")
class ForumImportFilesTest {

    @Test
    void gbkEncodedCsvIsDetectedAndStoredAsTheRightCharacters() {
        String text = "建议在萧山湘湖景区周边建设智慧停车系统，缓解节假日拥堵";
        String csv = "建议内容,提交人姓名,联系电话\r\n" + text + ",陈静,13857162394\r\n建议扩大临平区公共自行车点位,,\r\n";
        Response response = upload(forum("st-xiaoshan-01"), "minutes.csv", csv.getBytes(Charset.forName("GBK")),
                "text/csv");
        response.then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("status", equalTo("COMPLETED"))
                .body("encoding", equalTo("GB18030"))
                .body("acceptedCount", equalTo(2))
                .body("rejectedCount", equalTo(0));
        List<String> texts = suggestionsOf(response.path("forumId")).stream()
                .map(id -> given().get("/api/v1/suggestions/" + id + "/text").then().statusCode(200)
                .extract().<String>path("text"))
                .toList();
        assertTrue(texts.contains(text), texts.toString());
        assertTrue(texts.contains("建议扩大临平区公共自行车点位"), texts.toString());
        List<String> names = QuarkusTransaction.requiringNew()
                .call(() -> SubmitterContact.<SubmitterContact>list("suggestionId in ?1",
                suggestionsOf(response.path("forumId"))).stream().map(c -> c.name).toList());
        assertEquals(List.of("陈静"), names);
    }

    @Test
    void utf8CsvWithByteOrderMarkMatchesTheFirstHeader() {
        byte[] body = "建议内容,渠道\r\n建议在桐庐县增加乡村公交班次,代表建议\r\n建议加强富春江生态保护,\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Response response = upload(forum("st-tonglu-01"), "minutes.csv", withBom, "text/csv");
        response.then().statusCode(201)
                .body("encoding", equalTo("UTF-8-BOM"))
                .body("acceptedCount", equalTo(2));
        List<String> channels = suggestionsOf(response.path("forumId")).stream()
                .map(id -> given().get("/api/v1/suggestions/" + id).then().extract().<String>path("channel")).sorted()
                .toList();
        assertEquals(List.of("deputy", "forum"), channels, "a row's channel wins over the default");
    }

    @Test
    void xlsxFilledInFromTheTemplateRoundTrips() throws IOException {
        byte[] template = given().get(IMPORTS + "/template.xlsx").then().statusCode(200)
                .contentType(ForumImportResource.XLSX)
                .header("Content-Disposition", startsWith("attachment"))
                .extract().asByteArray();
        List<String> headers;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(template));
                Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            Row header = rows.findFirst().orElseThrow();
            headers = header.stream().map(c -> c.getText()).toList();
        }
        assertTrue(headers.contains("建议内容"), headers.toString());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook filled = new Workbook(out, "WPS", "1.0");
        Worksheet sheet = filled.newWorksheet("意见建议");
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
        }
        Map<String, Object[]> rows = Map.of(
                "建议内容", new Object[] {"建议建设千岛湖旅游集散中心", "建议提高淳安县生态补偿标准", ""},
                "提交人姓名", new Object[] {"方华", null, "只有姓名"},
                "联系电话", new Object[] {13905710001L, null, null},
                "渠道", new Object[] {null, "代表建议", null},
                "提交时间", new Object[] {LocalDateTime.of(2026, 11, 20, 9, 30), "2026-11-20 14:00", null});
        for (int c = 0; c < headers.size(); c++) {
            Object[] values = rows.get(headers.get(c));
            for (int r = 0; r < values.length; r++) {
                if (values[r] instanceof String s) {
                    sheet.value(r + 1, c, s);
                } else if (values[r] instanceof Long n) {
                    sheet.value(r + 1, c, n);
                } else if (values[r] instanceof LocalDateTime t) {
                    sheet.value(r + 1, c, t);
                }
            }
        }
        filled.finish();

        Map<String, String> fields = forum("st-chunan-01");
        Response response = upload(fields, "forum.xlsx", out.toByteArray(), ForumImportResource.XLSX);
        response.then().statusCode(201)
                .body("format", equalTo("XLSX"))
                .body("acceptedCount", equalTo(2))
                .body("rejectedCount", equalTo(1))
                .body("rejected[0].row", equalTo(4))
                .body("rejected[0].errors.field", hasItem("text"));
        List<Map<String, Object>> stored = suggestionsOf(response.path("forumId")).stream()
                .map(id -> {
                    Map<String, Object> view = new java.util.HashMap<>(given().get("/api/v1/suggestions/" + id).then()
                            .extract()
                            .jsonPath().<String, Object>getMap(""));
                    view.put("text", given().get("/api/v1/suggestions/" + id + "/text").then().extract().path("text"));
                    return view;
                })
                .toList();
        Map<String, Object> first = stored.stream().filter(s -> s.get("text").equals("建议建设千岛湖旅游集散中心")).findFirst()
                .orElseThrow();
        assertEquals("forum", first.get("channel"));
        assertEquals("2026-11-20T01:30:00Z", first.get("submittedAt"), "an Excel date cell, Beijing time");
        Map<String, Object> second = stored.stream().filter(s -> s.get("text").equals("建议提高淳安县生态补偿标准")).findFirst()
                .orElseThrow();
        assertEquals("deputy", second.get("channel"));
        assertEquals("2026-11-20T06:00:00Z", second.get("submittedAt"));
        String phone = QuarkusTransaction.requiringNew().call(() -> SubmitterContact.<SubmitterContact>findById(
                UUID.fromString((String) first.get("id"))).phone);
        assertEquals("13905710001", phone, "a phone typed as a number keeps all its digits");
    }

    @Test
    void csvTemplateIsUtf8WithByteOrderMarkAndChineseLabels() {
        Response response = given().get(IMPORTS + "/template.csv");
        response.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment"));
        byte[] bytes = response.asByteArray();
        assertEquals(0xEF, bytes[0] & 0xFF);
        assertEquals(0xBB, bytes[1] & 0xFF);
        assertEquals(0xBF, bytes[2] & 0xFF);
        assertEquals("建议内容,提交人姓名,联系电话,渠道,提交时间", new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).strip());
    }
}
