package io.planconsult.reporting.rest;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planconsult.reporting.tally.TallyChanges;
import io.planconsult.reporting.tally.TallyDimension;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/**
 * Live tallies for dashboards as Server-Sent Events: event {@code tallies}, data = the JSON of
 * {@code GET /api/v1/tallies?by=<by>}; one message on connect, then one whenever the tallies changed (on any
 * instance), at most one per {@code reporting.stream.min-interval} (4 per second) per client.
 */
@Path("/api/v1/tallies/stream")
@Tag(name = "tallies")
public class TallyStreamResource {

    public static final String EVENT = "tallies";

    private final TallyChanges changes;
    private final Duration minInterval;
    private final DashboardAccess dashboard;

    TallyStreamResource(TallyChanges changes,
            @ConfigProperty(name = "reporting.stream.min-interval", defaultValue = "PT0.25S") Duration minInterval,
            DashboardAccess dashboard) {
        this.changes = changes;
        this.minInterval = minInterval;
        this.dashboard = dashboard;
    }

    @GET
    @PermitAll
    @SecurityRequirementsSet // no token while reporting.public-dashboard is true
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Blocking // the access check may resolve the caller's token, which must not happen on the IO thread
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @APIResponse(responseCode = "400", description = "An unknown by value (problem+json)")
    @APIResponse(responseCode = "401", description = DashboardAccess.NOT_PUBLIC)
    @APIResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    @Operation(operationId = "streamTallies",
            summary = "Server-Sent Events: event 'tallies' with the JSON of GET /api/v1/tallies?by=<by>, on connect "
                    + "and on every change, at most 4 per second")
    public Multi<OutboundSseEvent> stream(@Parameter(description = "station (default), subject, channel, day or week")
            @QueryParam("by") @DefaultValue("station") String by, @Context Sse sse) {
        dashboard.check();
        TallyDimension dimension = TallyResource.dimension(by);
        AtomicLong sent = new AtomicLong(Long.MIN_VALUE);
        long gap = minInterval.toNanos();
        // Ticks may be late (a slow query) and then bunch up, so the gap since the last message is what is throttled;
        // ticking at half the gap keeps the delay of a change below 1.5 gaps.
        AtomicLong sentAt = new AtomicLong(System.nanoTime() - gap);
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(minInterval.dividedBy(2))
                .onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(tick -> changes.version())
                .filter(version -> (sent.get() == Long.MIN_VALUE || version != sent.get())
                && System.nanoTime() - sentAt.get() >= gap)
                .map(version -> {
                    sent.set(version);
                    sentAt.set(System.nanoTime());
                    return sse.newEventBuilder().name(EVENT).mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(changes.tallies(dimension, version)).build();
                });
    }
}
