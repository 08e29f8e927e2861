package io.planconsult.intake.rest;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.planconsult.contract.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers an oversized body ({@code quarkus.http.limits.max-body-size}) with a 413 problem+json like every other
 * error, before a byte of it is read when the client declares its length, and when the HTTP layer stops reading
 * a body that grew past the limit.
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBytes;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    void declaredLength(@Observes Filters filters) {
        filters.register(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && isOver(declared)) {
                tooLarge(context);
            } else {
                context.next();
            }
        }, 1000);
    }

    void streamedLength(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.statusCode() == 413 && !context.response().headWritten()) {
                tooLarge(context);
            } else {
                context.next();
            }
        });
    }

    private boolean isOver(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void tooLarge(RoutingContext context) {
        String problem = Json.encode(Problem.of("body-too-large", "Payload too large", 413,
                "the body is larger than " + maxBytes + " bytes",
                List.of(new Problem.FieldError("$", "must be at most " + maxBytes + " bytes"))));
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(problem);
    }
}
