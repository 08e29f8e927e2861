package io.planconsult.reporting.rest;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planconsult.contract.Problem;
import io.planconsult.contract.Roles;
import io.planconsult.reporting.messaging.Rebuilder;
import io.planconsult.reporting.tally.RebuildRuns;
import io.planconsult.reporting.tally.RebuildRun;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Operations on the read model, for the {@code admin} role only: a rebuild empties every tally until it has caught up.
 */
@Path("/api/v1/admin")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    /**
     * @param caughtUp every record below {@code endOffsets} (captured at the start) is applied; live consumption
     *                 carries on from there
     * @param progress records applied or skipped over the records to replay, 0 to 1
     */
    public record RebuildStatus(UUID runId, String state, boolean caughtUp, String consumerGroup, Instant startedAt,
            Instant caughtUpAt,
            long recordsTarget, long recordsDone, long recordsSkipped, double progress, String endOffsets,
            String failure) {
        static RebuildStatus of(RebuildRun r) {
            long handled = r.recordsDone + r.recordsSkipped;
            double progress = r.state == RebuildRun.State.CAUGHT_UP ? 1.0 : r.recordsTarget == 0 ? 0.0
                    : Math.min(1.0, (double) handled / r.recordsTarget);
            return new RebuildStatus(r.runId, r.state.name(), r.state == RebuildRun.State.CAUGHT_UP, r.consumerGroup,
                    r.startedAt,
                    r.caughtUpAt, r.recordsTarget, r.recordsDone, r.recordsSkipped, progress, r.endOffsets, r.failure);
        }
    }

    private final Rebuilder rebuilder;
    private final RebuildRuns runs;

    AdminResource(Rebuilder rebuilder, RebuildRuns runs) {
        this.rebuilder = rebuilder;
        this.runs = runs;
    }

    @POST
    @Path("/rebuild")
    @Operation(operationId = "startRebuild",
            summary = "Rebuild the reporting database from the topics (role admin): empties it and replays the tagged, "
            + "corrections and forums topics from offset 0 with a new consumer group; 202 with the status URL")
    public Response rebuild() {
        RebuildRun run = rebuilder.start().orElseThrow(() ->
                Problem.exception("rebuild-running", "A rebuild is running", 409,
                "a rebuild is already running; follow it at its status URL", null));
        return Response.accepted(RebuildStatus.of(run)).location(URI.create("/api/v1/admin/rebuild/" + run.runId))
                .build();
    }

    @GET
    @Path("/rebuild/{id}")
    @Operation(operationId = "getRebuild",
            summary = "A rebuild's progress, and whether it has caught up to the end offsets captured at its start "
                    + "(role admin)")
    public RebuildStatus status(@PathParam("id") String id) {
        UUID runId;
        try {
            runId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Problem.exception("invalid-parameter", "Invalid parameter", 400, "id must be a UUID", "id");
        }
        return runs.run(runId).map(RebuildStatus::of).orElseThrow(() ->
                Problem.exception("unknown-rebuild", "Unknown rebuild",
                404, "no rebuild with id " + id, "id"));
    }
}
