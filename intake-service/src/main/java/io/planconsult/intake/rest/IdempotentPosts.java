package io.planconsult.intake.rest;

import java.net.URI;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.intake.idempotency.IdempotencyKeys;
import io.planconsult.intake.idempotency.IdempotentRequest;
import io.planconsult.intake.idempotency.StoredReply;
import io.planconsult.intake.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Runs a POST's work under its Idempotency-Key (if any) and turns the kept reply into a response. */
@ApplicationScoped
public class IdempotentPosts {

    public static final String HEADER = IdempotentRequest.HEADER;

    /** What a POST answers: status, Location path (or null) and the body object. */
    public record Reply(int status, String location, Object body) {
    }

    private final IdempotencyKeys keys;
    private final ObjectMapper mapper;
    private final Caller caller;

    IdempotentPosts(IdempotencyKeys keys, ObjectMapper mapper, Caller caller) {
        this.keys = keys;
        this.mapper = mapper;
        this.caller = caller;
    }

    /** The caller's request to {@code path} under {@code key}; a malformed key is refused here, before any work. */
    public IdempotentRequest request(String key, String path, byte[] body) {
        return IdempotentRequest.of(caller.scope(), key, path, body);
    }

    /** @param work runs in the same transaction as the key's record; must not be retried by the caller */
    public Response run(String key, String path, byte[] body, Supplier<Reply> work) {
        StoredReply reply = keys.run(request(key, path, body), () -> {
            Reply r = work.get();
            try {
                return StoredReply.of(r.status(), r.location(), mapper.writeValueAsString(r.body()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise the reply", e);
            }
        });
        Response.ResponseBuilder response = Response.status(reply.status()).type(MediaType.APPLICATION_JSON)
                .entity(reply.body());
        if (reply.location() != null) {
            response.location(URI.create(reply.location()));
        }
        return replayed(response, reply.replayed()).build();
    }

    /** Marks the answer to a retry, which repeats the first request's outcome. */
    public static Response.ResponseBuilder replayed(Response.ResponseBuilder response, boolean replayed) {
        return replayed ? response.header(IdempotentRequest.REPLAYED_HEADER, "true") : response;
    }
}
