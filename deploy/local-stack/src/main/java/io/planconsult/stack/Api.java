package io.planconsult.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small JSON-over-HTTP client for the services' REST APIs. */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();

    public record Reply(int status, JsonNode body) {
    }

    private final HttpClient http;
    private final String bearer;

    public Api() {
        this(null);
    }

    /** @param bearer a token sent as {@code Authorization: Bearer} on every request, or {@code null} */
    public Api(String bearer) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
                .build();
        this.bearer = bearer;
    }

    /** The same client with another token (or none). */
    public Api withToken(String token) {
        return new Api(token);
    }

    public Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public Reply request(String method, String url, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s
                            : JSON.writeValueAsString(body)));
            headers.forEach(request::header);
            return send(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply post(String url, Object body) {
        return post(url, body, Map.of());
    }

    public Reply post(String url, Object body, Map<String, String> headers) {
        return request("POST", url, body, headers);
    }

    private Reply send(HttpRequest.Builder request) {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Reply(response.statusCode(), text == null || text.isEmpty() ? JSON.nullNode()
                    : JSON.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
