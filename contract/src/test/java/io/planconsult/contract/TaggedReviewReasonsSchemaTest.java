package io.planconsult.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** reviewReasons is an optional, backward-compatible addition to the tagged event (issue 11, residual-pii). */
class TaggedReviewReasonsSchemaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static Set<ValidationMessage> validate(ObjectNode body) throws Exception {
        try (InputStream in = getSchema()) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            return schema.validate(body);
        }
    }

    private static InputStream getSchema() {
        return TaggedReviewReasonsSchemaTest.class.getResourceAsStream("/schemas/suggestion-tagged.v1.json");
    }

    @Test
    void aTaggedEventWithReviewReasonsMatchesTheSchema() throws Exception {
        SuggestionTagged t = EventSchemaTest.tagged();
        ObjectNode body = MAPPER.valueToTree(new SuggestionTagged(t.suggestionId(), t.sourceEventId(), t.stationId(),
                t.stationDistrict(), t.channel(), t.submittedAt(), t.primaryTopic(), t.topics(), t.labels(),
                t.textDistrict(), "电话[号码]", List.of("phone", "plate"), t.modelVersion(), t.taxonomyVersion(), true,
                t.keywords(), t.clusterId(), t.clusterFirstSuggestionId(), t.revision(), List.of("residual-pii")));
        assertEquals(Set.of(), validate(body));
    }

    @Test
    void anOlderEventWithoutReviewReasonsStillMatchesAndReadsAsEmpty() throws Exception {
        ObjectNode body = MAPPER.valueToTree(EventSchemaTest.tagged());
        body.remove("reviewReasons");
        assertEquals(Set.of(), validate(body));
        assertEquals(List.of(), MAPPER.treeToValue(body, SuggestionTagged.class).reviewReasons());
    }

    @Test
    void anUnknownPiiTypeIsRejected() throws Exception {
        ObjectNode body = MAPPER.valueToTree(EventSchemaTest.tagged());
        body.putArray("piiTypes").add("shoe-size");
        assertFalse(validate(body).isEmpty());
    }
}
