package io.planconsult.intake.metrics;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * Counts what the write endpoints accept and refuse, by reason. The reason is the problem+json type's last segment
 * (a fixed set such as {@code invalid-suggestion}, {@code unknown-station}, {@code rate-limited}), never a value from
 * the request, so the label set stays bounded.
 */
@Singleton
public class SubmissionMetrics {

    static final String METER = "planconsult.intake.requests";
    private static final Map<String, String> ENDPOINTS = Map.of(
            "/api/v1/suggestions", "suggestions",
            "/api/v1/forums/imports", "forum-imports");

    private final MeterRegistry registry;

    SubmissionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @ServerResponseFilter
    public void count(ContainerRequestContext request, ContainerResponseContext response) {
        if (!"POST".equals(request.getMethod())) {
            return;
        }
        String endpoint = ENDPOINTS.get(stripSlash(request.getUriInfo().getPath()));
        if (endpoint == null) {
            return;
        }
        int status = response.getStatus();
        String outcome;
        String reason;
        if (status < 300) {
            boolean replayed = "true".equals(response.getHeaderString("Idempotent-Replayed"));
            outcome = replayed ? "replayed" : "accepted";
            reason = "none";
        } else {
            outcome = "refused";
            reason = reasonOf(response.getEntity(), status);
        }
        Counter.builder(METER)
                .description("POSTs to the write endpoints by outcome and refusal reason")
                .tag("endpoint", endpoint).tag("outcome", outcome).tag("reason", reason)
                .register(registry).increment();
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }

    /** The problem type's last segment, read from any problem record; the status when there is none. */
    static String reasonOf(Object entity, int status) {
        if (entity != null && entity.getClass().isRecord()) {
            for (RecordComponent component : entity.getClass().getRecordComponents()) {
                if (component.getName().equals("type")) {
                    try {
                        Object type = component.getAccessor().invoke(entity);
                        String text = type instanceof URI uri ? uri.getPath() : String.valueOf(type);
                        String last = text.substring(text.lastIndexOf('/') + 1);
                        if (last.matches("[a-z0-9-]{1,60}")) {
                            return last;
                        }
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        break;
                    }
                }
            }
        }
        return "http-" + status;
    }
}
