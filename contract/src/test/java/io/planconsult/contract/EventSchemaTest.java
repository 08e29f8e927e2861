package io.planconsult.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The records as the services serialise them must satisfy the published JSON Schemas. */
class EventSchemaTest {

    /** Serialised like Quarkus' default ObjectMapper: ISO-8601 instants, not epoch numbers. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final Instant NOW = Instant.parse("2026-11-23T08:30:00Z");
    private static final UUID FIRST = UUID.randomUUID();

    static SuggestionSubmitted submitted() {
        return new SuggestionSubmitted(UUID.randomUUID(), "st-xihu-01", "xihu", "station",
                "建议在西湖区增加公交线路，联系人 13800000000", NOW, NOW);
    }

    static SuggestionTagged tagged() {
        return new SuggestionTagged(UUID.randomUUID(), UUID.randomUUID(), "st-xihu-01", "xihu", "forum", NOW,
                "urban", List.of(new SuggestionTagged.TopicScore("urban", 0.82),
                new SuggestionTagged.TopicScore("gaps", 0.31)),
                List.of("urban"),
                null, "建议在西湖区增加公交线路，联系人 [电话]", List.of("phone"), "keywords-1", "2026.1", false, List.of("公交线路", "西湖区"),
                EventIds.cluster(FIRST), FIRST, 0);
    }

    private static Set<ValidationMessage> validate(String schemaFile, JsonNode body) throws Exception {
        try (InputStream in = EventSchemaTest.class.getResourceAsStream("/schemas/" + schemaFile)) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
            return schema.validate(body);
        }
    }

    @Test
    void submittedEventMatchesItsSchema() throws Exception {
        assertEquals(Set.of(), validate("suggestion-submitted.v1.json", MAPPER.valueToTree(submitted())));
    }

    @Test
    void taggedEventMatchesItsSchema() throws Exception {
        assertEquals(Set.of(), validate("suggestion-tagged.v1.json", MAPPER.valueToTree(tagged())));
    }

    @Test
    void taggedEventWithTextDistrictMatchesItsSchema() throws Exception {
        ObjectNode body = MAPPER.valueToTree(tagged());
        body.put("textDistrict", "binjiang");
        assertEquals(Set.of(), validate("suggestion-tagged.v1.json", body));
    }

    @Test
    void schemaRejectsSubmittedEventWithoutText() throws Exception {
        ObjectNode body = MAPPER.valueToTree(submitted());
        body.remove("text");
        assertFalse(validate("suggestion-submitted.v1.json", body).isEmpty());
    }

    @Test
    void schemaRejectsUnknownChannelAndBadTime() throws Exception {
        ObjectNode body = MAPPER.valueToTree(submitted());
        body.put("channel", "fax");
        body.put("submittedAt", "yesterday");
        assertEquals(2, validate("suggestion-submitted.v1.json", body).size());
    }

    @Test
    void schemaRejectsScoreOutsideUnitInterval() throws Exception {
        ObjectNode body = MAPPER.valueToTree(tagged());
        ((ObjectNode) body.withArray("topics").get(0)).put("score", 1.5);
        assertFalse(validate("suggestion-tagged.v1.json", body).isEmpty());
    }

    @Test
    void schemaRejectsTopicCodesOutsideTheTaxonomy() throws Exception {
        ObjectNode body = MAPPER.valueToTree(tagged());
        body.put("primaryTopic", "transport");
        body.withArray("labels").add("weather");
        assertEquals(2, validate("suggestion-tagged.v1.json", body).size());
    }

    @Test
    void lifecycleAndCorrectionEventsMatchTheirSchemas() throws Exception {
        UUID id = UUID.randomUUID();
        assertEquals(Set.of(), validate("suggestion-amended.v1.json", MAPPER.valueToTree(
                new SuggestionAmended(id, 1, "st-xihu-01", "xihu", "station", "建议增加公交线路", NOW, NOW))));
        assertEquals(Set.of(), validate("suggestion-withdrawn.v1.json", MAPPER.valueToTree(
                new SuggestionWithdrawn(id, 0, "st-xihu-01", "xihu", NOW))));
        assertEquals(Set.of(), validate("suggestion-retagged.v1.json", MAPPER.valueToTree(
                new SuggestionRetagged(id, 7, "urban", List.of("urban", "gaps"), NOW))));
        assertEquals(Set.of(), validate("suggestions-merged.v1.json", MAPPER.valueToTree(
                new SuggestionsMerged(EventIds.cluster(FIRST), FIRST, List.of(FIRST, id), 8, NOW))));
        assertEquals(Set.of(), validate("forum-recorded.v1.json", MAPPER.valueToTree(
                new ForumRecorded(UUID.randomUUID(), "拱墅区十五五规划座谈会", java.time.LocalDate.of(2026, 11, 2), "gongshu",
                null, 40, 6, 25, NOW))));
    }

    @Test
    void schemaRejectsAmendmentWithoutRevisionAndMergeOfNoneButTakesAPromotionOfOne() throws Exception {
        ObjectNode amended = MAPPER.valueToTree(new SuggestionAmended(UUID.randomUUID(), 1, "st-xihu-01", "xihu",
                "station", "文本", NOW, NOW));
        amended.put("revision", 0);
        assertFalse(validate("suggestion-amended.v1.json", amended).isEmpty());
        ObjectNode promoted = MAPPER.valueToTree(new SuggestionsMerged(EventIds.cluster(FIRST), FIRST, List.of(FIRST),
                8, NOW));
        assertEquals(Set.of(), validate("suggestions-merged.v1.json", promoted), "one suggestion promoted to a point");
        ObjectNode none = MAPPER.valueToTree(new SuggestionsMerged(EventIds.cluster(FIRST), FIRST, List.of(), 8, NOW));
        assertFalse(validate("suggestions-merged.v1.json", none).isEmpty());
    }

    @Test
    void derivedEventIdsAreStableAndDistinctPerType() {
        UUID source = UUID.randomUUID();
        assertEquals(EventIds.derived(source, EventTypes.SUGGESTION_TAGGED),
                EventIds.derived(source, EventTypes.SUGGESTION_TAGGED));
        assertFalse(EventIds.derived(source, EventTypes.SUGGESTION_TAGGED).equals(EventIds.derived(source, "other")));
    }

    @Test
    void onlyTopicsWithoutPersonalDataArePublic() {
        assertEquals(List.of(Topics.SUGGESTIONS_TAGGED, Topics.CORRECTIONS, Topics.FORUMS),
                Topics.ALL.stream().filter(Topics.TopicSpec::isPublic).map(Topics.TopicSpec::name).toList());
        assertTrue(Topics.ALL.stream().allMatch(t -> t.name().endsWith(".v1")));
    }
}
