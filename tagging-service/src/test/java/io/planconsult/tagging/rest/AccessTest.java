package io.planconsult.tagging.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.planconsult.infra.testing.TestTokens;
import io.planconsult.infra.testing.TestKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/** The tagging endpoints follow the platform's roles: staff, analysts and admins may preview; viewers may not. */
@QuarkusTest
class AccessTest {

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource({
            "none,          /api/v1/classify, 401",
            "forged,        /api/v1/classify, 401",
            "viewer,        /api/v1/classify, 403",
            "station-staff, /api/v1/classify, 200",
            "analyst,       /api/v1/classify, 200",
            "admin,         /api/v1/classify, 200",
            "other-aud,     /api/v1/classify, 401",
            "too-long,      /api/v1/classify, 401",
            "none,          /api/v1/dedup,    401",
            "viewer,        /api/v1/dedup,    403",
            "station-staff, /api/v1/dedup,    200",
            "analyst,       /api/v1/dedup,    200",
            "admin,         /api/v1/dedup,    200",
    })
    void roleDecidesAccess(String role, String path, int status) {
        Object body = path.endsWith("classify")
                ? Map.of("text", "建议在滨江区建设人工智能算力中心")
                : Map.of("items", List.of(Map.of("id", "a", "text", "建设算力中心"), Map.of("id", "b", "text", "建设算力中心。")));
        var response = as(role).contentType(ContentType.JSON).body(body).post(path).then().statusCode(status);
        if (status >= 400) {
            response.contentType("application/problem+json").body("status", equalTo(status));
        }
    }

    private static RequestSpecification as(String role) {
        return switch (role) {
            case "none" -> given();
            // Signed with a key the service does not trust: a well-formed token that must still be refused.
            case "forged" -> given().auth().oauth2(Jwt.subject("mallory").groups(Set.of("admin"))
                    .expiresIn(Duration.ofMinutes(5))
                    .sign(TestKeys.untrustedPrivateKey()));
            // An admin token meant for intake only, and one issued for 9 hours (the cap is 8).
            case "other-aud" -> given().auth().oauth2(Jwt.subject("admin").groups(Set.of("admin"))
                    .audience("planconsult-intake")
                    .expiresIn(Duration.ofMinutes(5)).sign());
            case "too-long" -> given().auth().oauth2(Jwt.subject("admin").groups(Set.of("admin"))
                    .expiresIn(Duration.ofHours(9)).sign());
            default -> given().auth().oauth2(TestTokens.forRole(role));
        };
    }
}
