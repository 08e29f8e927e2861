package io.planconsult.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** deploy/token mints only tokens the services accept: audiences set, lifetime capped. */
class TokensTest {

    @TempDir
    Path keysDir;

    private JsonNode claims(String jwt) throws Exception {
        String payload = jwt.split("\\.")[1];
        return new ObjectMapper().readTree(new String(java.util.Base64.getUrlDecoder().decode(payload),
                StandardCharsets.UTF_8));
    }

    @Test
    void aTokenNamesTheAudiencesOfTheServicesItIsFor() throws Exception {
        LocalKeys keys = LocalKeys.in(keysDir);
        JsonNode all = claims(Tokens.mint(keys, "analyst", null, Duration.ofHours(1)));
        List<String> audiences = new java.util.ArrayList<>();
        all.get("aud").forEach(a -> audiences.add(a.asText()));
        assertEquals(List.of("planconsult-intake", "planconsult-reporting", "planconsult-tagging"), audiences);

        JsonNode reportingOnly = claims(Tokens.mint(keys, "viewer", null, Duration.ofMinutes(5), Set.of("reporting")));
        String aud = reportingOnly.get("aud").isArray() ? reportingOnly.get("aud").get(0).asText()
                : reportingOnly.get("aud").asText();
        assertEquals("planconsult-reporting", aud);
        assertEquals(300, reportingOnly.get("exp").asLong() - reportingOnly.get("iat").asLong(), 2);
    }

    @Test
    void aLifetimeOverEightHoursOrAnUnknownServiceIsRefused() {
        LocalKeys keys = LocalKeys.in(keysDir);
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> Tokens.mint(keys, "admin", null, Duration.ofHours(9)));
        assertTrue(tooLong.getMessage().contains("8h"), tooLong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tokens.mint(keys, "admin", null, Duration.ofHours(1),
                Set.of("billing")));
        assertTrue(Tokens.mint(keys, "admin", null, Tokens.MAX_TTL).split("\\.").length == 3, "exactly 8h is allowed");
    }
}
