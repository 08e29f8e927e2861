package io.planconsult.reporting.rest;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planconsult.contract.Problem;
import io.planconsult.contract.Roles;
import io.planconsult.contract.reference.District;
import io.planconsult.reporting.report.Districts;
import io.planconsult.reporting.rest.QueryParameters.Paging;
import io.planconsult.reporting.tally.TaggedSuggestion;
import io.planconsult.reporting.tally.TallyChanges;
import io.planconsult.reporting.tally.TallyDimension;
import io.planconsult.reporting.tally.TallyQueries;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1")
@Tag(name = "tallies")
@Produces(MediaType.APPLICATION_JSON)
public class TallyResource {

    /** A suggestion as dashboards see it: redacted text only. */
    public record SuggestionView(UUID suggestionId, String stationId, String stationDistrict, String subjectDistrict,
            String channel, String primaryTopic, List<String> labels, String redactedText, Instant submittedAt) {
        static SuggestionView of(TaggedSuggestion s) {
            return new SuggestionView(s.suggestionId, s.stationId, s.stationDistrict, s.subjectDistrict, s.channel,
                    s.primaryTopic, s.labelList(), s.redactedText, s.submittedAt);
        }
    }

    public record SuggestionPage(int page, int size, long total, List<SuggestionView> items) {
    }

    private final TallyQueries queries;
    private final TallyChanges changes;
    private final Districts districts;
    private final DashboardAccess dashboard;

    TallyResource(TallyQueries queries, TallyChanges changes, Districts districts, DashboardAccess dashboard) {
        this.queries = queries;
        this.changes = changes;
        this.districts = districts;
        this.dashboard = dashboard;
    }

    @GET
    @PermitAll
    @SecurityRequirementsSet // no token while reporting.public-dashboard is true
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Path("/tallies")
    @APIResponse(responseCode = "400", description = "An unknown by value (problem+json)")
    @APIResponse(responseCode = "401", description = DashboardAccess.NOT_PUBLIC)
    @APIResponseSchema(value = TallyQueries.Tallies.class, responseCode = "200", responseDescription = "The cells")
    @Operation(operationId = "getTallies",
            summary = "Suggestions per district, channel, day or week x primary topic (cells add up to total), "
            + "with multi-label mention counts and distinct near-duplicate clusters")
    public Response tallies(
            @Parameter(description = "station (district where collected, default), subject (district named in the "
                    + "text, else the station's), channel, day or week (of submittedAt, Asia/Shanghai; ISO weeks "
                    + "such as 2026-W47)")
            @QueryParam("by") @DefaultValue("station") String by,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        dashboard.check();
        TallyDimension dimension = dimension(by);
        // Rendered and compressed once per change, not per request: at a national campaign's 8,000 cells the JSON is
        // about 800 kB, which a browser fetches gzipped.
        if (acceptEncoding != null && acceptEncoding.toLowerCase(Locale.ROOT).contains("gzip")) {
            return Response.ok(changes.currentGzippedJson(dimension)).header(HttpHeaders.CONTENT_ENCODING, "gzip")
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).build();
        }
        return Response.ok(changes.currentJson(dimension)).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .build();
    }

    @GET
    @PermitAll
    @SecurityRequirementsSet // no token while reporting.public-dashboard is true
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Path("/tallies/districts/{code}")
    @APIResponse(responseCode = "400", description = "An unknown by value (problem+json)")
    @APIResponse(responseCode = "401", description = DashboardAccess.NOT_PUBLIC)
    @APIResponse(responseCode = "404", description = "No district with this code (problem+json)")
    @APIResponseSchema(value = TallyQueries.Tallies.class, responseCode = "200", responseDescription = "The cells")
    @Operation(operationId = "getDistrictTallies", summary = "One district's tallies per topic")
    public TallyQueries.Tallies district(@PathParam("code") String code,
            @QueryParam("by") @DefaultValue("station") String by) {
        dashboard.check();
        requireDistrict(code, "code");
        return TallyQueries.district(changes.current(TallyQueries.dimension(QueryParameters.perspective(by))), code);
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Path("/suggestions")
    @Operation(operationId = "listSuggestions",
            summary = "Tagged suggestions (redacted text), newest first, filtered by district and primary topic, "
                    + "paged (role analyst or admin)")
    public SuggestionPage suggestions(@QueryParam("district") String district, @QueryParam("topic") String topic,
            @QueryParam("by") @DefaultValue("station") String by,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        if (district != null) {
            requireDistrict(district, "district");
        }
        Paging paging = Paging.of(page, size);
        TallyQueries.SuggestionPage result = queries.suggestions(QueryParameters.perspective(by), district, topic,
                paging.page(), paging.size());
        return new SuggestionPage(result.page(), result.size(), result.total(),
                result.items().stream().map(SuggestionView::of).toList());
    }

    @GET
    @PermitAll
    @SecurityRequirementsSet // no token while reporting.public-dashboard is true
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Path("/districts")
    @APIResponse(responseCode = "401", description = DashboardAccess.NOT_PUBLIC)
    @APIResponse(responseCode = "200", description = "Every district", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = District.class)))
    @Operation(operationId = "listDistricts", summary = "The districts with their display names")
    public List<District> districts() {
        dashboard.check();
        return districts.all();
    }

    private void requireDistrict(String code, String field) {
        if (!districts.exists(code)) {
            throw Problem.exception("unknown-district", "Unknown district", 404, "no district with code " + code,
                    field);
        }
    }

    /** The {@code by} values of {@code GET /tallies}: every dimension with cells per topic. */
    public static TallyDimension dimension(String by) {
        return TallyDimension.fromCode(by).filter(TallyDimension::isBreakdown).orElseThrow(
                () -> QueryParameters.invalid("by must be station, subject, channel, day or week", "by"));
    }
}
