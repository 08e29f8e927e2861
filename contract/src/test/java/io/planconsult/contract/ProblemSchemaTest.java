package io.planconsult.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

class ProblemSchemaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Set<ValidationMessage> validate(JsonNode body) throws Exception {
        try (InputStream in = ProblemSchemaTest.class.getResourceAsStream("/schemas/problem.v1.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
            return schema.validate(body);
        }
    }

    @Test
    void problemNamingAFieldMatchesTheSchema() throws Exception {
        Problem problem = Problem.of("invalid-parameter", "Invalid parameter", 400, "size must be between 1 and 500",
                "size");
        JsonNode body = MAPPER.valueToTree(problem);
        assertEquals(Set.of(), validate(body));
        assertEquals("https://planconsult.io/problems/invalid-parameter", body.get("type").asText());
        assertEquals("size", body.get("errors").get(0).get("field").asText());
    }

    @Test
    void problemWithoutFieldsLeavesErrorsOutAndMatchesTheSchema() throws Exception {
        JsonNode body = MAPPER.valueToTree(Problem.internal(500));
        assertFalse(body.has("errors"));
        assertEquals("the request could not be completed", body.get("detail").asText());
        assertEquals(Set.of(), validate(body));
    }

    @Test
    void schemaRejectsATypeOutsideThePlatformsAndASuccessStatus() throws Exception {
        ObjectNode body = MAPPER.valueToTree(Problem.of("x", "X", 400, "d", List.of(new Problem.FieldError("$", "m"))));
        body.put("type", "about:blank");
        body.put("status", 200);
        assertEquals(2, validate(body).size());
    }

    @Test
    void exceptionCarriesTheProblem() {
        ProblemException e = Problem.exception("unknown-topic", "Unknown topic", 404, "no topic with code x", "code");
        assertEquals(404, e.problem().status());
        assertEquals("no topic with code x", e.getMessage());
    }

    @Test
    void everyCommonProblemMatchesTheSchema() throws Exception {
        for (Problem problem : List.of(Problem.unauthorized(true), Problem.unauthorized(false), Problem.forbidden(),
                Problem.unreadableJson(), Problem.rejected(400, "Bad Request"), Problem.rejected(415, "Unsupported"),
                Problem.rejected(503, "Service Unavailable"))) {
            assertEquals(Set.of(), validate(MAPPER.valueToTree(problem)), problem.toString());
        }
    }

    @Test
    void aFrameworkRejectionNamesTheBodyOnlyWhenTheBodyWasAtFault() {
        assertEquals("$", Problem.rejected(400, "Bad Request").errors().get(0).field());
        assertEquals(null, Problem.rejected(415, "Unsupported Media Type").errors());
        assertEquals("https://planconsult.io/problems/http-415",
                Problem.rejected(415, "Unsupported Media Type").type());
    }

    @Test
    void aServerSideRejectionShowsNothingOfTheInternals() {
        Problem problem = Problem.rejected(503, "Service Unavailable");
        assertEquals(Problem.internal(503), problem);
    }

    @Test
    void aPresentedButRefusedTokenIsToldApartFromAMissingOne() {
        assertEquals("the bearer token is invalid or expired", Problem.unauthorized(true).detail());
        assertEquals("a bearer token is required", Problem.unauthorized(false).detail());
        assertEquals(401, Problem.unauthorized(true).status());
    }
}
