package io.planconsult.intake.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.intake.forum.ForumImportService;
import io.planconsult.intake.forum.ForumMetadata;
import io.planconsult.intake.forum.ImportJobView;
import io.planconsult.intake.forum.ImportTemplates;
import io.planconsult.intake.forum.InvalidImportException;
import io.planconsult.intake.forum.JsonForumImport;
import io.planconsult.intake.forum.Requester;
import io.planconsult.intake.idempotency.IdempotentRequest;
import io.planconsult.intake.security.Caller;
import io.planconsult.contract.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Forum bulk import: one request with the forum's metadata and its suggestions (JSON, or a CSV/XLSX
 * file in a multipart form). Small imports answer 201 with the final report, large ones 202 with a
 * job URL that reports progress and, once finished, the report.
 */
@Path("/api/v1/forums/imports")
@Tag(name = "forum imports")
@Produces(MediaType.APPLICATION_JSON)
public class ForumImportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Set on the answer to a retry: the import was not run again; this is the job the first request made. */
    static final String REPLAYED_HEADER = IdempotentRequest.REPLAYED_HEADER;
    private static final String PATH = "/api/v1/forums/imports";

    private final ForumImportService imports;
    private final ObjectMapper mapper;
    private final Caller caller;
    private final IdempotentPosts posts;

    ForumImportResource(ForumImportService imports, ObjectMapper mapper, Caller caller, IdempotentPosts posts) {
        this.imports = imports;
        this.mapper = mapper;
        this.caller = caller;
        this.posts = posts;
    }

    /**
     * Station staff import only their own station's forums (a forum named by district alone is refused them: it
     * would be filed under another station); admins import for any station or district. Analysts do not import:
     * an import carries contact data and deputies' names, which their work does not need.
     */
    private Requester requester(String stationId) {
        caller.requireStation(stationId, "stationId");
        return new Requester(caller.subject(), caller.role(), caller.scope());
    }

    /**
     * Documents the one operation of this path and method with both bodies; {@link #importFile} is its other half.
     */
    @POST
    @RolesAllowed({Roles.STATION_STAFF, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importForum",
            summary = "Import a forum and its suggestions as JSON, or from a CSV or XLSX file in a multipart form",
            description = "JSON: {name, heldOn, stationId | district, participants, deputiesPresent and/or "
                    + "deputyNames, suggestions:[{text, channel?, submittedAt?, submitter?:{name, phone}}]}. "
                    + "Multipart: form fields name, heldOn, stationId or district, participants, deputiesPresent "
                    + "and/or deputyNames, and the file part `file` (CSV in UTF-8 with or without BOM or GBK, or XLSX; "
                    + "columns as in the templates). 201 with the report when finished within the request, else 202 "
                    + "with Location.")
    @RequestBody(required = true, content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JsonForumImport.class)),
        @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(type = SchemaType.OBJECT, properties = {
            @SchemaProperty(name = "name", type = SchemaType.STRING),
            @SchemaProperty(name = "heldOn", type = SchemaType.STRING),
            @SchemaProperty(name = "stationId", type = SchemaType.STRING),
            @SchemaProperty(name = "district", type = SchemaType.STRING),
            @SchemaProperty(name = "participants", type = SchemaType.STRING),
            @SchemaProperty(name = "deputiesPresent", type = SchemaType.STRING),
            @SchemaProperty(name = "deputyNames", type = SchemaType.STRING),
            @SchemaProperty(name = "file", type = SchemaType.STRING, format = "binary")}))})
    public Response importJson(@HeaderParam(IdempotentRequest.HEADER) String idempotencyKey, JsonForumImport body)
            throws JsonProcessingException {
        if (body == null) {
            throw new MissingBodyException();
        }
        Requester requester = requester(body.stationId());
        IdempotentRequest request = posts.request(idempotencyKey, PATH, mapper.writeValueAsBytes(body));
        return answer(imports.importJson(request, requester, body));
    }

    @POST
    @RolesAllowed({Roles.STATION_STAFF, Roles.ADMIN})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true) // documented with importJson: the same operation, the multipart body
    public Response importFile(@HeaderParam(IdempotentRequest.HEADER) String idempotencyKey, @RestForm String name,
            @RestForm String heldOn, @RestForm String stationId, @RestForm String district,
            @RestForm String participants, @RestForm String deputiesPresent, @RestForm String deputyNames,
                    @RestForm("file") FileUpload file)
            throws JsonProcessingException {
        ForumMetadata metadata = ForumMetadata.fromForm(name, heldOn, stationId, district, participants,
                deputiesPresent, deputyNames,
                imports.today());
        if (file == null || file.uploadedFile() == null) {
            throw InvalidImportException.missing("file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
        Requester requester = requester(metadata.stationId());
        byte[] content = IdempotentRequest.parts(mapper.writeValueAsBytes(metadata),
                String.valueOf(file.fileName()).getBytes(StandardCharsets.UTF_8), bytes);
        IdempotentRequest request = posts.request(idempotencyKey, PATH, content);
        return answer(imports.importFile(request, requester, metadata, file.fileName(), file.contentType(), bytes));
    }

    @GET
    @RolesAllowed({Roles.STATION_STAFF, Roles.ADMIN})
    @Path("/{id}")
    @Operation(operationId = "getForumImport",
            summary = "An import job: status, progress (rowsDone of totalRows) and, once finished, the report of "
                    + "rejected rows")
    public ImportJobView get(@PathParam("id") UUID id) {
        ImportJobView job = imports.find(id).orElseThrow(() -> new NotFoundException("no forum import " + id));
        caller.requireStation(job.stationId(), "id");
        return job;
    }

    @GET
    @Path("/template.csv")
    @Produces("text/csv; charset=UTF-8")
    @PermitAll
    @SecurityRequirements // public: no token
    @APIResponse(responseCode = "406", description = "The Accept header rules out the template's type")
    @APIResponse(responseCode = "200", description = "The template", content = @Content(mediaType = "text/csv"))
    @Operation(operationId = "getForumImportCsvTemplate",
            summary = "The CSV template: UTF-8 with BOM, Chinese column labels")
    public Response csvTemplate() {
        return Response.ok(ImportTemplates.csv())
                .header("Content-Disposition", "attachment; filename=\"forum-import-template.csv\"")
                .build();
    }

    @GET
    @Path("/template.xlsx")
    @Produces(XLSX)
    @PermitAll
    @SecurityRequirements // public: no token
    @APIResponse(responseCode = "406", description = "The Accept header rules out the template's type")
    @APIResponse(responseCode = "200", description = "The template", content = @Content(mediaType = XLSX))
    @Operation(operationId = "getForumImportXlsxTemplate",
            summary = "The XLSX template: Chinese column labels, and a sheet that documents the columns")
    public Response xlsxTemplate() {
        return Response.ok(ImportTemplates.xlsx())
                .header("Content-Disposition", "attachment; filename=\"forum-import-template.xlsx\"")
                .build();
    }

    /**
     * 201 with the report when the job has finished, else 202; a retry under the same Idempotency-Key is marked as a
     * replay.
     */
    private static Response answer(ForumImportService.Outcome outcome) {
        ImportJobView job = outcome.job();
        URI location = URI.create(PATH + "/" + job.id());
        Response.ResponseBuilder response = job.finished() ? Response.created(location) : Response.accepted()
                .location(location);
        return IdempotentPosts.replayed(response, outcome.replayed()).entity(job).build();
    }
}
