package io.planconsult.intake.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planconsult.intake.domain.AuditTrail;
import io.planconsult.intake.domain.SuggestionNotFoundException;
import io.planconsult.intake.domain.SuggestionService;
import io.planconsult.contract.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The audit trail of one suggestion. */
@Path("/api/v1/suggestions/{id}/audit")
@Tag(name = "audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    /** @param fields names of the fields that changed, never their values */
    public record AuditView(Instant at, String actor, String role, String action, List<String> fields, String detail) {
    }

    private final AuditTrail audit;
    private final SuggestionService suggestions;

    AuditResource(AuditTrail audit, SuggestionService suggestions) {
        this.audit = audit;
        this.suggestions = suggestions;
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getSuggestionAudit",
            summary = "Who changed a suggestion, when, and what",
            description = "Oldest first: submitted, amended, withdrawn, "
            + "retagged, merged, contact-read, erased; with the field names and codes involved, never the text.")
    public List<AuditView> trail(@PathParam("id") UUID id) {
        suggestions.find(id).orElseThrow(() -> new SuggestionNotFoundException(id));
        return audit.of(id).stream()
                .map(e -> new AuditView(e.at, e.actor, e.actorRole, e.action,
                        e.changedFields == null ? List.of() : List.of(e.changedFields.split(",")), e.detail))
                .toList();
    }
}
