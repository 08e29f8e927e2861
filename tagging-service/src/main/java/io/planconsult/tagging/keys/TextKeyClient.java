package io.planconsult.tagging.keys;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Asks intake for a suggestion's text key ({@code GET /internal/v1/text-keys/{id}}), or for a consumer batch's keys
 * in one request ({@code POST /internal/v1/text-keys/lookup}), with the service token the two share. Keys are never
 * cached beyond the batch they were fetched for: an erasure takes effect for the next batch. A missing key (404, or
 * left out of the lookup's answer) means the suggestion was erased. Anything else (intake down, 5xx, a refused token
 * while the Secret rolls) is transient: retried with backoff for as long as it lasts, never dead-lettered, since the
 * record itself is fine.
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
        return retried("text key for suggestion=" + suggestionId,
                () -> request("/internal/v1/text-keys/" + suggestionId).GET(), (status, body) -> switch (status) {
                    case 200 -> Optional.of(Optional.of(Base64.getDecoder().decode(body.get("key").asText())));
                    case 404 -> Optional.of(Optional.<byte[]>empty());
                    default -> Optional.empty();
                });
    }

    /**
     * The keys of a consumer batch's suggestions in one request ({@code POST /internal/v1/text-keys/lookup}).
     *
     * @return the keys intake has; a suggestion asked for and not in the map has none (erased)
     */
    public Map<UUID, byte[]> fetchAll(Collection<UUID> suggestionIds) {
        if (suggestionIds.isEmpty()) {
            return Map.of();
        }
        String body;
        try {
            body = mapper.writeValueAsString(Map.of("suggestionIds", suggestionIds));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return retried("text keys of " + suggestionIds.size() + " suggestions",
                () -> request("/internal/v1/text-keys/lookup").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                (status, answer) -> {
                    if (status != 200) {
                        return Optional.empty();
                    }
                    Map<UUID, byte[]> keys = new HashMap<>();
                    answer.get("keys").forEach(k -> keys.put(UUID.fromString(k.get("suggestionId").asText()),
                            Base64.getDecoder().decode(k.get("key").asText())));
                    return Optional.of(keys);
                });
    }

    /**
     * Sends the request until intake answers in a way {@code read} understands: a connection failure, a 5xx or a
     * refused token while the Secret rolls is waited out with backoff for as long as it lasts.
     *
     * @param read the answer for a status and its JSON body (null when empty), or empty to retry
     */
    private <T> T retried(String what, Supplier<HttpRequest.Builder> request, BiFunction<Integer, JsonNode,
            Optional<T>> read) {
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1;; attempt++) {
            try {
                HttpResponse<String> response = http.send(request.get().build(), HttpResponse.BodyHandlers.ofString());
                String body = response.body();
                Optional<T> answer = read.apply(response.statusCode(), body == null || body.isEmpty() ? null
                        : mapper.readTree(body));
                if (answer.isPresent()) {
                    return answer.get();
                }
                LOG.warnf("%s: intake answered %d (attempt %d); retrying", what, response.statusCode(), attempt);
            } catch (IOException e) {
                LOG.warnf("%s: %s (attempt %d); retrying", what, e.getClass().getSimpleName(), attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while fetching a text key", e);
            }
            sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(intake.resolve(path)).timeout(Duration.ofSeconds(10));
        token.ifPresentOrElse(t -> request.header("Authorization", "Bearer " + t),
                () -> LOG.error("tagging.text-keys.service-token is not set: sealed texts cannot be opened"));
        return request;
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
