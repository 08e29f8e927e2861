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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** An analyst's re-tag of one suggestion. */
@Path("/api/v1/suggestions/{id}/topics")
@Tag(name = "corrections")
@Produces(MediaType.APPLICATION_JSON)
public class TopicCorrectionResource {

    /** @param labels further topics it is counted under (at most two besides the primary); optional */
    public record TopicsCorrection(String primaryTopic, List<String> labels) {
    }

    private final Corrections corrections;
    private final RequestBodies bodies;
    private final Caller caller;

    TopicCorrectionResource(Corrections corrections, RequestBodies bodies, Caller caller) {
        this.corrections = corrections;
        this.bodies = bodies;
        this.caller = caller;
    }

    @PUT
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setSuggestionTopics",
            summary = "Set a suggestion's topics by hand",
            description = "{primaryTopic, labels?}: codes among industry, ai, opening, "
            + "consumption, culture, gaps, urban, rule-of-law, other. The human tag overrides the model's, also "
            + "after a later amendment; "
            + "a SuggestionRetagged event (with a sequence number) follows on the corrections topic. Withdrawn: 409.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TopicsCorrection.class)))
    public Corrections.Retag retag(@PathParam("id") UUID id, byte[] raw) throws JsonProcessingException {
        TopicsCorrection body = bodies.read(raw, TopicsCorrection.class);
        return corrections.retag(id, body.primaryTopic(), body.labels(), caller.actor());
    }
}
