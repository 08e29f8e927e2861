package io.planconsult.intake.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planconsult.contract.Roles;
import io.planconsult.intake.outbox.ParkedEvents;
import io.planconsult.intake.outbox.ParkedEvents.ParkedEvent;
import io.planconsult.intake.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Events the outbox relay parked after repeated failures: what they are, and a way to send them again. */
@Path("/api/v1/admin/outbox/parked")
@Tag(name = "admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class OutboxAdminResource {

    private final ParkedEvents parked;
    private final Caller caller;

    OutboxAdminResource(ParkedEvents parked, Caller caller) {
        this.parked = parked;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listParkedOutboxEvents",
            summary = "Parked outbox events, oldest first", description = "Each: eventId, seq, status PARKED, "
            + "eventType, topic, key, attempts, reason (an exception class), occurredAt, parkedAt and waitingBehind "
            + "(later events of the same key held back to keep their order). Never the payload.")
    public List<ParkedEvent> list(@QueryParam("limit") @DefaultValue("100") int limit) {
        return parked.list(Math.clamp(limit, 1, 1000));
    }

    @POST
    @Path("/{eventId}/retry")
    @Operation(operationId = "retryParkedOutboxEvent",
            summary = "Send a parked event again", description = "Once its cause is fixed: the event goes back in "
            + "line (status PENDING, attempts 0), then the events of its key that waited behind it. 404 if not parked.")
    public ParkedEvent retry(@PathParam("eventId") UUID eventId) {
        return parked.retry(eventId, caller.role())
                .orElseThrow(() -> new NotFoundException("no parked outbox event " + eventId));
    }
}
