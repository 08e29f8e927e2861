package io.planconsult.intake.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.planconsult.intake.domain.Corrections;
import io.planconsult.intake.security.Caller;
import io.planconsult.contract.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An analyst's decision that several suggestions raise the same point. */
@Path("/api/v1/duplicates/merges")
@Tag(name = "corrections")
@Produces(MediaType.APPLICATION_JSON)
public class MergeResource {

    public record MergeRequest(List<UUID> suggestionIds) {
    }

    private final Corrections corrections;
    private final RequestBodies bodies;
    private final IdempotentPosts posts;
    private final Caller caller;

    MergeResource(Corrections corrections, RequestBodies bodies, IdempotentPosts posts, Caller caller) {
        this.corrections = corrections;
        this.bodies = bodies;
        this.posts = posts;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "mergeDuplicates",
            summary = "Merge near-duplicates into one cluster",
            description = "{suggestionIds: [2..500 ids]}: the cluster's first suggestion is the earliest received; its "
                    + "id is EventIds.cluster(first). A SuggestionsMerged event follows on the corrections topic, "
                    + "keyed by cluster id. Unknown id: 400 naming it; a withdrawn one: 409.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MergeRequest.class)))
    public Response merge(@HeaderParam(IdempotentPosts.HEADER) String idempotencyKey,
            byte[] raw) throws JsonProcessingException {
        MergeRequest body = bodies.read(raw, MergeRequest.class);
        return posts.run(idempotencyKey, "/api/v1/duplicates/merges", raw,
                () -> new IdempotentPosts.Reply(200, null, corrections.merge(body.suggestionIds(), caller.actor())));
    }
}
