package io.planconsult.intake.rest;

import java.util.List;
import java.util.stream.Collectors;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.planconsult.contract.Problem;
import io.planconsult.contract.rest.ProblemMappers;
import io.planconsult.intake.domain.FieldError;
import io.planconsult.intake.domain.InvalidSubmissionException;
import io.planconsult.intake.domain.SuggestionConflictException;
import io.planconsult.intake.domain.SuggestionNotFoundException;
import io.planconsult.intake.forum.InvalidImportException;
import io.planconsult.intake.ratelimit.RateLimitedException;
import io.planconsult.intake.idempotency.IdempotencyKeyReusedException;
import io.planconsult.intake.idempotency.InvalidIdempotencyKeyException;
import io.planconsult.intake.security.StationForbiddenException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

/**
 * Intake's own failures as the contract's problem+json, each naming the field at fault: invalid suggestions and
 * imports, JSON that does not parse or does not fit, Idempotency-Key misuse, rate limits, conflicts. Messages never
 * echo the request body, which may hold personal data. Security, other framework rejections and the bare 500 are
 * the contract's REST module's {@link ProblemMappers}.
 */
public class IntakeProblemMappers {

    private static Response response(String kind, String title, int status, String detail, List<FieldError> errors) {
        return ProblemMappers.render(Problem.of(kind, title, status, detail, errors == null ? null
                : errors.stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList()));
    }

    @ServerExceptionMapper
    public Response invalid(InvalidSubmissionException e) {
        boolean unknownStationOnly = e.errors().stream().allMatch(f -> f.field().equals("stationId") && f.message()
                .startsWith("no station"));
        return response(unknownStationOnly ? "unknown-station" : "invalid-suggestion",
                unknownStationOnly ? "Unknown station" : "Invalid suggestion",
                unknownStationOnly ? 422 : 400,
                e.errors().stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; ")),
                e.errors());
    }

    @ServerExceptionMapper
    public Response otherStation(StationForbiddenException e) {
        return response("forbidden-station", "Forbidden for this station", 403, e.getMessage(),
                List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return response("malformed-json", "Malformed JSON", 400,
                "the body is not valid JSON (line " + e.getLocation().getLineNr() + ", column " + e.getLocation()
                .getColumnNr() + ")",
                List.of(new FieldError("$", "not valid JSON")));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        String field = path(e);
        return response("unknown-field", "Unknown field", 400, field + " is not a field of this request",
                List.of(new FieldError(field, "is not a known field; known: " + e.getKnownPropertyIds())));
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        String field = path(e);
        String target = e.getTargetType() == null ? "value" : e.getTargetType().getSimpleName();
        String message = field.isEmpty() ? "the body must be a JSON object" : "has the wrong type or format (expected "
                + target + ")";
        return response("invalid-suggestion", "Invalid suggestion", 400,
                (field.isEmpty() ? "body" : field) + " " + message,
                List.of(new FieldError(field.isEmpty() ? "$" : field, message)));
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e) {
        return ProblemMappers.render(Problem.unreadableJson());
    }

    @ServerExceptionMapper
    public Response invalidEncoding(InvalidEncodingException e) {
        return response("invalid-encoding", "Invalid encoding", 400, e.getMessage(),
                List.of(new FieldError("$", "must be UTF-8")));
    }

    @ServerExceptionMapper
    public Response keyReused(IdempotencyKeyReusedException e) {
        return response("idempotency-key-reused", "Idempotency-Key reused", 422, e.getMessage(),
                List.of(new FieldError("Idempotency-Key", "was used with a different request")));
    }

    @ServerExceptionMapper
    public Response badKey(InvalidIdempotencyKeyException e) {
        return response("invalid-idempotency-key", "Invalid Idempotency-Key", 400, e.getMessage(),
                List.of(new FieldError("Idempotency-Key", e.getMessage())));
    }

    @ServerExceptionMapper
    public Response missingBody(MissingBodyException e) {
        return response("missing-body", "Missing body", 400, e.getMessage(),
                List.of(new FieldError("$", "is required")));
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e) {
        return Response.fromResponse(response("rate-limited", "Too many requests", 429,
                "station " + e.stationId() + " is over its request rate; retry after " + e.retryAfterSeconds() + " s",
                null))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).build();
    }

    @ServerExceptionMapper
    public Response conflict(SuggestionConflictException e) {
        return response(e.kind(), "Conflict", 409, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response noSuchSuggestion(SuggestionNotFoundException e) {
        return response("not-found", "Not found", 404, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return response("not-found", "Not found", 404, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response invalidImport(InvalidImportException e) {
        return response(e.kind(), e.title(), e.status(),
                String.join("; ", e.errors().stream().map(f -> f.field() + " " + f.message()).toList()), e.errors());
    }
}
