package io.planconsult.reporting.rest;

import static io.planconsult.reporting.rest.QueryParameters.DEFAULT_PAGE_SIZE;
import static io.planconsult.reporting.rest.QueryParameters.MAX_PAGE_SIZE;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planconsult.contract.Problem;
import io.planconsult.contract.Roles;
import io.planconsult.reporting.report.CsvExport;
import io.planconsult.reporting.report.DisplayNames;
import io.planconsult.reporting.report.GeneralReportCache;
import io.planconsult.reporting.report.HtmlExport;
import io.planconsult.reporting.report.ReportAssembler;
import io.planconsult.reporting.report.ReportFormat;
import io.planconsult.reporting.report.ReportTables;
import io.planconsult.reporting.report.XlsxExport;
import io.planconsult.reporting.rest.QueryParameters.Paging;
import io.planconsult.reporting.tally.Perspective;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The general report, the topic sub-reports and the district lists, each as JSON, CSV, XLSX or printable HTML
 * ({@code ?format=}, else the {@code Accept} header, else JSON). Redacted text only.
 */
@Path("/api/v1/reports")
@Tag(name = "reports")
@Produces({ "application/json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "text/html" })
public class ReportResource {

    /** File exports of a topic list everything up to this many suggestions unless a page size is given. */
    private static final int MAX_EXPORT_ROWS = 10_000;

    private final ReportAssembler reports;
    private final GeneralReportCache generalReport;
    private final ReportTables tables;
    private final HtmlExport html;
    private final DisplayNames names;
    private final DashboardAccess dashboard;

    ReportResource(ReportAssembler reports, GeneralReportCache generalReport, ReportTables tables, HtmlExport html,
            DisplayNames names, DashboardAccess dashboard) {
        this.reports = reports;
        this.generalReport = generalReport;
        this.tables = tables;
        this.html = html;
        this.names = names;
        this.dashboard = dashboard;
    }

    @GET
    @PermitAll
    @SecurityRequirementsSet // no token while reporting.public-dashboard is true
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Path("/general")
    @APIResponse(responseCode = "400", description = "An unknown format (problem+json)")
    @APIResponse(responseCode = "401", description = DashboardAccess.NOT_PUBLIC)
    @APIResponse(responseCode = "200", description = "The report as JSON, CSV, XLSX or HTML")
    @Operation(operationId = "getGeneralReport",
            summary = "The general report: totals, by district, topic and channel, trend, forums, top keywords and "
                    + "points per topic",
            description = "Aggregates only for anonymous callers, viewers and station staff; analysts and admins "
                    + "also get each point's representative (redacted) text and suggestion id.")
    public Response general(
            @Parameter(description = "json, csv, xlsx or html (overrides Accept)") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        dashboard.check();
        return render(format(format, headers), generalReport.general(dashboard.mayReadTexts()), tables::general);
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Path("/topics/{code}")
    @Operation(operationId = "getTopicReport",
            summary = "One key area's sub-report: counts by district, top points, keywords and its suggestions (paged)")
    public Response topic(@PathParam("code") String code, @QueryParam("format") String format,
            @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "page size; JSON defaults to 50 (at most 200), file exports to every suggestion")
            @QueryParam("size") Integer size, @Context HttpHeaders headers) {
        if (!names.isTopic(code)) {
            throw Problem.exception("unknown-topic", "Unknown topic", 404, "no topic with code " + code, "code");
        }
        ReportFormat chosen = format(format, headers);
        Paging paging = chosen == ReportFormat.JSON ? Paging.of(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
                : Paging.of(page, size, MAX_EXPORT_ROWS, MAX_EXPORT_ROWS);
        return render(chosen, reports.topic(code, paging.page(), paging.size()), tables::topic);
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Path("/districts/{code}")
    @Operation(operationId = "getDistrictReport", summary = "One district's suggestion list grouped by topic (建议清单)")
    public Response district(@PathParam("code") String code, @QueryParam("format") String format,
            @Parameter(description = "subject (named in the text, else the station's; default) or station "
                    + "(where collected)")
            @QueryParam("by") @DefaultValue("subject") String by, @Context HttpHeaders headers) {
        if (!names.isDistrict(code)) {
            throw Problem.exception("unknown-district", "Unknown district", 404, "no district with code " + code,
                    "code");
        }
        Perspective perspective = QueryParameters.perspective(by);
        return render(format(format, headers), reports.district(code, perspective), tables::district);
    }

    private <R> Response render(ReportFormat format, R report, Function<R, ReportTables.Document> layout) {
        if (format == ReportFormat.JSON) {
            return Response.ok(report, format.mediaType()).build();
        }
        ReportTables.Document document = layout.apply(report);
        Object body = switch (format) {
            case CSV -> CsvExport.write(document);
            case XLSX -> XlsxExport.write(document);
            case HTML -> html.write(document);
            case JSON -> throw new IllegalStateException();
        };
        String fileName = document.fileName() + "." + format.extension();
        String displayName = document.title() + "." + format.extension();
        String disposition = (format == ReportFormat.HTML ? "inline" : "attachment") + "; filename=\"" + fileName
                + "\"; filename*=UTF-8''" + URLEncoder.encode(displayName, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(body, format.mediaType()).header("Content-Disposition", disposition).build();
    }

    private static ReportFormat format(String requested, HttpHeaders headers) {
        if (requested == null || requested.isBlank()) {
            return ReportFormat.fromAccept(headers.getAcceptableMediaTypes());
        }
        return ReportFormat.fromCode(requested).orElseThrow(() -> QueryParameters.invalid(
                "format must be json, csv, xlsx or html", "format"));
    }
}
