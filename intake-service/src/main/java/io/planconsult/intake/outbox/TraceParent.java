package io.planconsult.intake.outbox;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.reactive.messaging.TracingMetadata;

/**
 * Carries the W3C trace context of the request that wrote an outbox row to the Kafka record the relay sends later, on
 * another thread: the row stores the {@code traceparent}, and the relay makes it the parent of the producer's span, so
 * the record's {@code traceparent} header continues the request's trace (POST → tagging → reporting).
 */
final class TraceParent {

    static final String HEADER = "traceparent";

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceParent() {
    }

    /** The current span's traceparent, or null when there is no valid trace (e.g. tracing off, no request). */
    static String current() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** The message with the stored trace as the parent of its send; unchanged when none was stored. */
    static <T> Message<T> attach(Message<T> message, String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return message;
        }
        Context parent = W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), Map.of(HEADER, traceparent), GETTER);
        return message.addMetadata(TracingMetadata.withCurrent(parent));
    }
}
