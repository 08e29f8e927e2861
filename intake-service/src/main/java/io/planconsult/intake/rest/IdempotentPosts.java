package io.planconsult.intake.rest;

import java.net.URI;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.intake.idempotency.IdempotencyKeys;
import io.planconsult.intake.idempotency.StoredReply;
import io.planconsult.intake.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Runs a POST's work under its Idempotency-Key (if any) and turns the kept reply into a response. */
@ApplicationScoped
public class IdempotentPosts {

    public static final String HEADER = "Idempotency-Key";
    /** Set on a response that repeats the first answer to the key. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

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

    /** @param work runs in the same transaction as the key's record; must not be retried by the caller */
    public Response run(String key, String path, byte[] body, Supplier<Reply> work) {
        String checkedKey = check(key);
        StoredReply reply = keys.run(caller.scope(), checkedKey, IdempotencyKeys.fingerprint("POST", path, body), () -> {
            Reply r = work.get();
            try {
                return StoredReply.of(r.status(), r.location(), mapper.writeValueAsString(r.body()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise the reply", e);
            }
        });
        Response.ResponseBuilder response = Response.status(reply.status()).type(MediaType.APPLICATION_JSON).entity(reply.body());
        if (reply.location() != null) {
            response.location(URI.create(reply.location()));
        }
        if (reply.replayed()) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.build();
    }

    private static String check(String key) {
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > IdempotencyKeys.MAX_KEY_LENGTH) {
            throw new InvalidIdempotencyKeyException("must be 1 to " + IdempotencyKeys.MAX_KEY_LENGTH + " characters");
        }
        if (!key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidIdempotencyKeyException("must be printable ASCII without spaces");
        }
        return key;
    }
}
