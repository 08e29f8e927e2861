package io.planconsult.intake.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planconsult.intake.domain.PersonalData;
import io.planconsult.intake.security.Caller;
import io.planconsult.contract.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The submitter's contact details: personal data, for admins only, every read audited. */
@Path("/api/v1/suggestions/{id}/contact")
@Tag(name = "personal data")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    public record ContactView(String name, String phone) {
        @Override
        public String toString() {
            return "ContactView[redacted]";
        }
    }

    private final PersonalData personalData;
    private final Caller caller;

    ContactResource(PersonalData personalData, Caller caller) {
        this.personalData = personalData;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getSuggestionContact",
            summary = "The submitter's contact details",
            description = "Admins only; the read is recorded in the audit trail. "
            + "404 when none were given or they were erased.")
    public ContactView contact(@PathParam("id") UUID id) {
        return personalData.contact(id, caller.actor()).map(c -> new ContactView(c.name, c.phone))
                .orElseThrow(() -> new NotFoundException("no contact details for suggestion " + id));
    }
}
