package io.planconsult.intake.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planconsult.intake.domain.StationRegistry;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Public: the registry holds station names and districts only, and clients need it before they hold a token. */
@Path("/api/v1/stations")
@PermitAll
@SecurityRequirements // public: no token
@Tag(name = "stations")
@Produces(MediaType.APPLICATION_JSON)
public class StationResource {

    public record StationView(String id, String name, String district) {
    }

    private final StationRegistry stations;

    StationResource(StationRegistry stations) {
        this.stations = stations;
    }

    @GET
    @APIResponse(responseCode = "406", description = "The Accept header rules out application/json")
    @APIResponse(responseCode = "200", description = "Every station, with its district", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = StationView.class)))
    @Operation(operationId = "listStations",
            summary = "The liaison stations and contact points, each with its district code")
    public List<StationView> list() {
        return stations.all().stream().map(s -> new StationView(s.id, s.name, s.district)).toList();
    }
}
