package io.planconsult.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The raw text travels sealed with its suggestion's key: only that key, for that suggestion, opens it. */
class SealedTextTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final String TEXT = "建议在西湖区增加公交线路，联系人 13800000000";

    @Test
    void theSuggestionsKeyOpensWhatItSealedAndTheWireShowsNothingOfTheText() {
        UUID id = UUID.randomUUID();
        byte[] key = SealedText.newKey();
        String sealed = SealedText.seal(key, id, TEXT);
        assertTrue(sealed.startsWith("v1."));
        assertFalse(sealed.contains("13800000000"));
        assertEquals(TEXT, SealedText.open(key, id, sealed));
        assertNotEquals(sealed, SealedText.seal(key, id, TEXT), "a fresh IV each time");
    }

    @Test
    void anotherKeyAnotherSuggestionOrATamperedByteDoesNotOpen() {
        UUID id = UUID.randomUUID();
        byte[] key = SealedText.newKey();
        String sealed = SealedText.seal(key, id, TEXT);
        assertThrows(IllegalArgumentException.class, () -> SealedText.open(SealedText.newKey(), id, sealed));
        assertThrows(IllegalArgumentException.class, () -> SealedText.open(key, UUID.randomUUID(), sealed));
        // A character in the middle: all six of its bits are data. The last one may carry unused padding bits, so
        // changing it can leave the bytes as they were (the test then failed at random).
        int at = sealed.length() / 2;
        String tampered = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);
        assertThrows(IllegalArgumentException.class, () -> SealedText.open(key, id, tampered));
        assertThrows(IllegalArgumentException.class, () -> SealedText.open(key, id, "v0.plain"));
    }

    @Test
    void aSealedEventMatchesTheSchemaAndCarriesNoPlainText() throws Exception {
        UUID id = UUID.randomUUID();
        Instant now = Instant.parse("2026-11-23T08:30:00Z");
        SuggestionSubmitted sealed = new SuggestionSubmitted(id, "st-xihu-01", "xihu", "station", null, now, now,
                SealedText.seal(SealedText.newKey(), id, TEXT));
        JsonNode body = MAPPER.valueToTree(sealed);
        assertFalse(body.has("text"), "no plain text field at all");
        assertEquals(Set.of(), validate("suggestion-submitted.v1.json", body));

        SuggestionAmended amended = new SuggestionAmended(id, 1, "st-xihu-01", "xihu", "station", null, now, now,
                SealedText.seal(SealedText.newKey(), id, TEXT));
        assertEquals(Set.of(), validate("suggestion-amended.v1.json", MAPPER.valueToTree(amended)));

        com.fasterxml.jackson.databind.node.ObjectNode both = MAPPER.valueToTree(sealed);
        both.put("text", TEXT);
        assertFalse(validate("suggestion-submitted.v1.json", both).isEmpty(), "never both plain and sealed");
    }

    private static Set<ValidationMessage> validate(String schemaFile, JsonNode body) throws Exception {
        try (InputStream in = SealedTextTest.class.getResourceAsStream("/schemas/" + schemaFile)) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config).validate(body);
        }
    }
}
