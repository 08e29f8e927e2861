package io.planconsult.intake.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.planconsult.intake.domain.NewSuggestion;
import io.planconsult.intake.domain.Suggestion;
import io.planconsult.intake.domain.SuggestionService;
import io.planconsult.intake.domain.StationRegistry;
import io.planconsult.intake.security.Caller;
import io.planconsult.intake.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/suggestions")
@Tag(name = "suggestions")
@Produces(MediaType.APPLICATION_JSON)
public class SuggestionResource {

    /** The answer to a submission. */
    public record Submitted(UUID id, String status) {
    }

    /** A stored suggestion with its processing status (RECEIVED, PUBLISHED, TAGGED). */
    public record SuggestionView(UUID id, String stationId, String district, String channel, String text,
            Instant submittedAt, Instant receivedAt, String status, String primaryTopic) {
    }

    private final SuggestionService suggestions;
    private final StationRegistry stations;
    private final Caller caller;
    private final RequestBodies bodies;
    private final IdempotentPosts posts;

    SuggestionResource(SuggestionService suggestions, StationRegistry stations, Caller caller, RequestBodies bodies, IdempotentPosts posts) {
        this.suggestions = suggestions;
        this.stations = stations;
        this.caller = caller;
        this.bodies = bodies;
        this.posts = posts;
    }

    @POST
    @RolesAllowed({Roles.STATION_STAFF, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a suggestion", description = "Stored with its event in one transaction; 201 with a Location header. "
            + "Invalid fields give 400/422 application/problem+json naming each field; nothing is stored then. "
            + "With an Idempotency-Key, a retry with the same body gets the first response again (header Idempotent-Replayed: true); "
            + "the same key with another body gives 422.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewSuggestion.class)))
    public Response submit(@HeaderParam(IdempotentPosts.HEADER) String idempotencyKey, byte[] raw) throws JsonProcessingException {
        NewSuggestion body = bodies.read(raw, NewSuggestion.class);
        if (body.stationId() != null) {
            caller.requireStation(body.stationId(), "stationId");
        }
        return posts.run(idempotencyKey, "/api/v1/suggestions", raw, () -> {
            Suggestion stored = suggestions.submit(body);
            return new IdempotentPosts.Reply(201, "/api/v1/suggestions/" + stored.id, new Submitted(stored.id, stored.status.name()));
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STATION_STAFF, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "A suggestion and its processing status")
    public SuggestionView get(@PathParam("id") UUID id) {
        Suggestion s = suggestions.find(id).orElseThrow(() -> new NotFoundException("no suggestion " + id));
        caller.requireReadable(s.stationId);
        String district = stations.find(s.stationId).map(st -> st.district).orElse(null);
        return new SuggestionView(s.id, s.stationId, district, s.channel, s.text, s.submittedAt, s.receivedAt,
                s.status.name(), s.primaryTopic);
    }
}
