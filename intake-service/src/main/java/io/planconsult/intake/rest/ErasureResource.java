package io.planconsult.intake.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planconsult.intake.domain.PersonalData;
import io.planconsult.intake.security.Caller;
import io.planconsult.contract.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Erasure of a submitter's personal data. */
@Path("/api/v1/suggestions/{id}/erasure")
@Tag(name = "personal data")
@Produces(MediaType.APPLICATION_JSON)
public class ErasureResource {

    private final PersonalData personalData;
    private final IdempotentPosts posts;
    private final Caller caller;

    ErasureResource(PersonalData personalData, IdempotentPosts posts, Caller caller) {
        this.personalData = personalData;
        this.posts = posts;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "eraseSuggestion",
            summary = "Erase the submitter's personal data", description = "Removes the contact details at once and "
            + "replaces the stored raw text with its redacted form (from the tagging service); recorded in the audit "
            + "trail. 200 when both are done; 202 (textRedactionPending true) when the current text is not redacted "
            + "yet: the text is then replaced as soon as the redaction arrives, even if the suggestion is withdrawn.")
    public Response erase(@PathParam("id") UUID id, @HeaderParam(IdempotentPosts.HEADER) String idempotencyKey,
            byte[] raw) {
        return posts.run(idempotencyKey, "/api/v1/suggestions/" + id + "/erasure", raw,
                () -> {
                    PersonalData.Erasure erasure = personalData.erase(id, caller.actor());
                    return new IdempotentPosts.Reply(erasure.textRedactionPending() ? 202 : 200, null, erasure);
                });
    }
}
