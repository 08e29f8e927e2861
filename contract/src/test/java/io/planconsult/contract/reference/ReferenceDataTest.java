package io.planconsult.contract.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ReferenceDataTest {

    @Test
    void taxonomyHasNineTopicsWithBothNamesAndTheCatchAll() {
        TopicTaxonomy taxonomy = ReferenceData.taxonomy();
        assertEquals(9, taxonomy.topics().size());
        assertTrue(taxonomy.contains(TopicTaxonomy.OTHER));
        assertFalse(taxonomy.version().isBlank());
        for (Topic t : taxonomy.topics()) {
            assertFalse(t.name().isBlank(), t.code());
            assertFalse(t.nameEn().isBlank(), t.code());
        }
    }

    @Test
    void everyStationLiesInAKnownDistrictAndEveryDistrictHasTwoStations() {
        DistrictList districts = ReferenceData.districts();
        assertEquals(13, districts.districts().size());
        for (District d : districts.districts()) {
            long stations = ReferenceData.stations().stations().stream().filter(s -> s.district().equals(d.code()))
                    .count();
            assertEquals(2, stations, d.code());
        }
        assertEquals(ReferenceData.stations().stations().size(),
                new HashSet<>(ReferenceData.stations().stations().stream().map(Station::id).toList()).size());
    }

    @Test
    void taggedEventSchemaEnumeratesExactlyTheTaxonomyCodes() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/schemas/suggestion-tagged.v1.json")) {
            JsonNode schema = new ObjectMapper().readTree(in);
            List<String> codes = new ArrayList<>();
            schema.path("$defs").path("topicCode").path("enum").forEach(n -> codes.add(n.asText()));
            assertEquals(ReferenceData.taxonomy().codes(), codes);
            JsonNode properties = schema.path("properties");
            assertEquals("#/$defs/topicCode", properties.path("primaryTopic").path("$ref").asText());
            assertEquals("#/$defs/topicCode", properties.path("labels").path("items").path("$ref").asText());
            assertEquals("#/$defs/topicCode",
                    properties.path("topics").path("items").path("properties").path("code").path("$ref").asText());
        }
    }
}
