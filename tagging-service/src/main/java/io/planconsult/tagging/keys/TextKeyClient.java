package io.planconsult.tagging.keys;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Asks intake for a suggestion's text key ({@code GET /internal/v1/text-keys/{id}}) with the service token the two
 * share. Keys are never cached: an erasure takes effect for the next event. A missing key (404) means the suggestion
 * was erased. Anything else (intake down, 5xx, a refused token while the Secret rolls) is transient: retried with
 * backoff for as long as it lasts, never dead-lettered, since the record itself is fine.
 */
@ApplicationScoped
public class TextKeyClient {

    private static final Logger LOG = Logger.getLogger(TextKeyClient.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper;
    private final URI intake;
    private final Optional<String> token;

    TextKeyClient(ObjectMapper mapper, @ConfigProperty(name = "tagging.intake.url") URI intake,
            @ConfigProperty(name = "tagging.text-keys.service-token") Optional<String> token) {
        this.mapper = mapper;
        this.intake = intake;
        this.token = token;
    }

    /** @return the key, or empty when intake has none (erased) */
    public Optional<byte[]> fetch(UUID suggestionId) {
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1;; attempt++) {
            try {
                HttpResponse<String> response = http.send(request(suggestionId), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    JsonNode body = mapper.readTree(response.body());
                    return Optional.of(Base64.getDecoder().decode(body.get("key").asText()));
                }
                if (response.statusCode() == 404) {
                    return Optional.empty();
                }
                LOG.warnf("text key for suggestion=%s: intake answered %d (attempt %d); retrying", suggestionId,
                        response.statusCode(), attempt);
            } catch (IOException e) {
                LOG.warnf("text key for suggestion=%s: %s (attempt %d); retrying", suggestionId,
                        e.getClass().getSimpleName(), attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while fetching a text key", e);
            }
            sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private HttpRequest request(UUID suggestionId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(intake.resolve("/internal/v1/text-keys/" + suggestionId))
                .timeout(Duration.ofSeconds(10)).GET();
        token.ifPresentOrElse(t -> request.header("Authorization", "Bearer " + t),
                () -> LOG.error("tagging.text-keys.service-token is not set: sealed texts cannot be opened"));
        return request.build();
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a text key", e);
        }
    }
}
