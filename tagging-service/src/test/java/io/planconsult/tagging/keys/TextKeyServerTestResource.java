package io.planconsult.tagging.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Intake's text-key endpoints for the tagging module's tests, with intake's protocol: {@code GET
 * /internal/v1/text-keys/{id}} with the service token → 200 {@code {suggestionId, key}}, 404 when there is no key,
 * 401 without the token; {@code POST /internal/v1/text-keys/lookup} {@code {suggestionIds}} → 200 {@code {keys:
 * [{suggestionId, key}]}} listing only the suggestions that have a key. Keys and the token are made at test time; a
 * test can make the next answers fail (503).
 */
public class TextKeyServerTestResource implements QuarkusTestResourceLifecycleManager {

    private static final Map<UUID, byte[]> KEYS = new ConcurrentHashMap<>();
    private static final AtomicInteger FAILURES_TO_COME = new AtomicInteger();
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final AtomicInteger LOOKUPS = new AtomicInteger();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final java.util.Set<UUID> ASKED = ConcurrentHashMap.newKeySet();
    private static final String TOKEN = token();
    private HttpServer server;

    public static void put(UUID suggestionId, byte[] key) {
        KEYS.put(suggestionId, key);
    }

    public static void erase(UUID suggestionId) {
        KEYS.remove(suggestionId);
    }

    /** The next {@code n} requests answer 503, as an intake that is down would. */
    public static void failNext(int n) {
        FAILURES_TO_COME.set(n);
    }

    /** Whether the tagging service has asked for this suggestion's key. */
    public static boolean asked(UUID suggestionId) {
        return ASKED.contains(suggestionId);
    }

    public static int requests() {
        return REQUESTS.get();
    }

    /** How many batch lookups ({@code POST /internal/v1/text-keys/lookup}) were asked. */
    public static int lookups() {
        return LOOKUPS.get();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/v1/text-keys/", exchange -> {
            REQUESTS.incrementAndGet();
            String path = exchange.getRequestURI().getPath().substring("/internal/v1/text-keys/".length());
            boolean lookup = "lookup".equals(path) && "POST".equals(exchange.getRequestMethod());
            List<UUID> ids = new ArrayList<>();
            if (lookup) {
                MAPPER.readTree(exchange.getRequestBody()).get("suggestionIds")
                        .forEach(id -> ids.add(UUID.fromString(id.asText())));
                LOOKUPS.incrementAndGet();
            } else {
                ids.add(UUID.fromString(path));
            }
            ASKED.addAll(ids);
            int status;
            String body = "";
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
            } else if (FAILURES_TO_COME.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                status = 503;
            } else if (lookup) {
                status = 200;
                List<Map<String, String>> found = new ArrayList<>();
                ids.stream().filter(KEYS::containsKey).forEach(id -> found.add(Map.of("suggestionId", id.toString(),
                        "key", Base64.getEncoder().encodeToString(KEYS.get(id)))));
                body = MAPPER.writeValueAsString(Map.of("keys", found));
            } else if (!KEYS.containsKey(ids.get(0))) {
                status = 404;
            } else {
                status = 200;
                body = MAPPER.writeValueAsString(Map.of("suggestionId", path, "key",
                        Base64.getEncoder().encodeToString(KEYS.get(ids.get(0)))));
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        return Map.of("tagging.intake.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "tagging.text-keys.service-token", TOKEN);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String token() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
