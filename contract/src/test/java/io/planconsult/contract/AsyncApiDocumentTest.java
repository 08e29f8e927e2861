package io.planconsult.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The AsyncAPI document and the topic constants describe the same topics, with the same visibility and schemas. */
class AsyncApiDocumentTest {

    private static final Path SCHEMAS = Path.of("src/main/resources/schemas");
    private static JsonNode document;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
            assertNotNull(in, "asyncapi.yaml on the class path");
            document = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    private static Set<String> topicConstants() throws IllegalAccessException {
        Set<String> topics = new TreeSet<>();
        for (Field field : Topics.class.getDeclaredFields()) {
            // CONFIG_PREFIX and the like name configuration keys, not topics.
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class && !field.getName()
                    .endsWith("_PREFIX")) {
                topics.add((String) field.get(null));
            }
        }
        return topics;
    }

    private static Map<String, JsonNode> channelsByAddress() {
        Map<String, JsonNode> channels = new HashMap<>();
        document.path("channels").forEach(channel -> channels.put(channel.path("address").asText(), channel));
        return channels;
    }

    @Test
    void everyTopicConstantIsAChannelAndEveryChannelIsATopicConstant() throws IllegalAccessException {
        assertEquals("3.0.0", document.path("asyncapi").asText());
        assertEquals(topicConstants(), new TreeSet<>(channelsByAddress().keySet()));
        assertEquals(topicConstants(), new TreeSet<>(Topics.ALL.stream().map(Topics.TopicSpec::name).toList()),
                "Topics.ALL lists every topic constant");
    }

    @Test
    void publicTopicsAreTaggedPublicAndTheOthersInternal() {
        Map<String, JsonNode> channels = channelsByAddress();
        for (Topics.TopicSpec spec : Topics.ALL) {
            Set<String> tags = new HashSet<>();
            channels.get(spec.name()).path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
            assertEquals(spec.isPublic(), tags.contains("public"), spec.name() + " public tag");
            assertEquals(!spec.isPublic(), tags.contains("internal"), spec.name() + " internal tag");
            assertEquals(spec.name(), channels.get(spec.name()).path("bindings").path("kafka").path("topic").asText());
        }
    }

    @Test
    void everyPayloadSchemaReferenceNamesAContractSchemaAndEverySchemaIsReferenced() throws IOException {
        Set<String> referenced = new TreeSet<>();
        document.path("components").path("messages").forEach(message -> {
            String ref = message.path("payload").path("schema").path("$ref").asText("");
            if (!ref.isEmpty()) {
                assertTrue(ref.startsWith("./schemas/"), ref);
                assertTrue(Files.isRegularFile(SCHEMAS.resolve(ref.substring("./schemas/".length()))), ref + " exists");
                referenced.add(ref.substring("./schemas/".length()));
            }
            assertTrue(message.path("headers").has("$ref"), "every message declares its headers");
            assertTrue(message.path("bindings").path("kafka").has("key"), "every message declares its key");
        });
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            // problem.v1.json is the HTTP error body (OpenAPI's), not an event.
            assertEquals(files.map(f -> f.getFileName().toString()).filter(f -> !f.startsWith("problem."))
                    .collect(Collectors.toCollection(TreeSet::new)), referenced,
                    "every schema of the contract is some message's payload");
        }
    }

    @Test
    void taggedEventDocumentsItsOptionalReviewReasonsPointsAndLanguage() throws IOException {
        JsonNode message = document.path("components").path("messages").path("suggestionTagged");
        String description = message.path("description").asText();
        JsonNode schema = new ObjectMapper().readTree(SCHEMAS.resolve("suggestion-tagged.v1.json").toFile());
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (String field : new String[] {"reviewReasons", "points", "language"}) {
            assertTrue(description.contains("`" + field + "`"), "the message description explains " + field);
            assertTrue(schema.path("properties").has(field), "the payload schema defines " + field);
            assertTrue(!required.contains(field), field + " is optional: earlier events stay valid");
        }
        Set<String> reasons = new TreeSet<>();
        schema.path("properties").path("reviewReasons").path("items").path("enum")
                .forEach(r -> reasons.add(r.asText()));
        assertEquals(new TreeSet<>(ReviewReasons.ALL), reasons, "the schema lists exactly the contract's reasons");
        ReviewReasons.ALL.forEach(r -> assertTrue(description.contains(r), "the description names " + r));
        Set<String> pointFields = new TreeSet<>();
        schema.path("properties").path("points").path("items").path("properties").fieldNames()
                .forEachRemaining(pointFields::add);
        assertEquals(new TreeSet<>(Set.of("start", "end", "primaryTopic", "labels", "textDistrict", "keywords",
                "clusterId")), pointFields);
        pointFields.forEach(f -> assertTrue(description.contains(f), "the description names the point's " + f));
    }

    @Test
    void deadLetterMessagesCarryTheReasonAndOrigin() {
        JsonNode headers = document.path("components").path("schemas").path("deadLetterHeaders").path("properties");
        for (String header : new String[] {"dead-letter-reason", "dead-letter-topic", "dead-letter-partition",
                "dead-letter-offset"}) {
            assertTrue(headers.has(header), header);
        }
    }
}
