package io.planconsult.tagging.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planconsult.contract.Problem;
import io.planconsult.contract.Roles;
import io.planconsult.tagging.pipeline.Enrichment;
import io.planconsult.tagging.pipeline.TaggingEngine;
import io.planconsult.tagging.district.StationDistricts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/classify")
@Tag(name = "classify")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STATION_STAFF, Roles.ANALYST, Roles.ADMIN})
public class ClassifyResource {

    static final int MAX_TEXT_LENGTH = 10_000;

    /**
     * @param stationId       optional; its district (learnt from submitted events) is the prior for the district
     * @param stationDistrict optional; the prior given directly
     */
    public record ClassifyRequest(String text, String stationId, String stationDistrict) {
        @Override
        public String toString() {
            return "ClassifyRequest[stationId=" + stationId + ", text redacted]";
        }
    }

    private final TaggingEngine engine;
    private final StationDistricts stations;

    ClassifyResource(TaggingEngine engine, StationDistricts stations) {
        this.engine = engine;
        this.stations = stations;
    }

    @POST
    @Operation(operationId = "classifyText",
            summary = "Preview what the pipeline adds to a suggestion, without side effects",
            description = "Topics with scores (primary first), labels, needsReview, the district named in the text, "
                    + "redacted text with PII spans, keywords, model and taxonomy versions.")
    public Enrichment classify(ClassifyRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw Problem.exception("invalid-request", "Invalid request", 400, "text is required and must not be blank",
                    "text");
        }
        if (request.text().length() > MAX_TEXT_LENGTH) {
            throw Problem.exception("invalid-request", "Invalid request", 400,
                    "text must be at most " + MAX_TEXT_LENGTH + " characters", "text");
        }
        String prior = request.stationDistrict() != null ? request.stationDistrict()
                : stations.districtOf(request.stationId()).orElse(null);
        return engine.enrich(request.text(), prior);
    }
}
