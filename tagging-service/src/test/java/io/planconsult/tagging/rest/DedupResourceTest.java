package io.planconsult.tagging.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.planconsult.infra.testing.TestTokens;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class DedupResourceTest {

    @Test
    void rewordedSuggestionsShareAClusterAndUnrelatedOnesDoNot() {
        List<Map<String, String>> items = List.of(
                Map.of("id", "a", "text", "建议十五五期间设立算力券专项资金并扩大覆盖面，将中小企业、高校科研团队一并纳入申领范围"),
                Map.of("id", "b", "text", "淳安县千岛湖镇的农产品电商物流成本太高，建议建设县域冷链物流中心"),
                Map.of("id", "c", "text", "希望扩大算力券覆盖面、设立专项资金，把中小企业和高校科研团队都纳入算力券申领范围"));
        List<List<String>> clusters = given().auth().oauth2(TestTokens.forRole("analyst")).contentType(ContentType.JSON)
                .body(Map.of("items", items))
                .post("/api/v1/dedup").then().statusCode(200).extract().jsonPath().getList("clusters");
        assertTrue(clusters.contains(List.of("a", "c")), clusters.toString());
        assertTrue(clusters.contains(List.of("b")), clusters.toString());
        assertEquals(2, clusters.size());
    }

    @Test
    void itemsWithoutIdsOrWithRepeatedIdsAreProblems() {
        given().auth().oauth2(TestTokens.forRole("analyst")).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("text", "x"))))
                .post("/api/v1/dedup").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("items[0].id"));
        given().auth().oauth2(TestTokens.forRole("analyst")).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("id", "a", "text", "x"), Map.of("id", "a", "text", "y"))))
                .post("/api/v1/dedup").then().statusCode(400).body("errors.field", hasItem("items[1].id"));
    }
}
