package io.planconsult.intake.rest;

import java.util.List;
import java.util.stream.Collectors;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.planconsult.intake.domain.FieldError;
import io.planconsult.intake.domain.InvalidSubmissionException;
import io.planconsult.intake.domain.SuggestionConflictException;
import io.planconsult.intake.domain.SuggestionNotFoundException;
import io.planconsult.intake.ratelimit.RateLimitedException;
import io.planconsult.intake.idempotency.IdempotencyKeyReusedException;
import io.planconsult.intake.idempotency.InvalidIdempotencyKeyException;
import io.planconsult.intake.security.StationForbiddenException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Maps failures to problem+json; messages never echo the request body, which may hold personal data. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response invalid(InvalidSubmissionException e) {
        boolean unknownStationOnly = e.errors().stream().allMatch(f -> f.field().equals("stationId") && f.message().startsWith("no station"));
        return Problem.response(unknownStationOnly ? "unknown-station" : "invalid-suggestion",
                unknownStationOnly ? "Unknown station" : "Invalid suggestion",
                unknownStationOnly ? 422 : 400,
                e.errors().stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; ")), e.errors());
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized("a bearer token is required");
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e) {
        // The verifier's reason stays in the server log at debug level; the client learns only that it was refused.
        return unauthorized("the bearer token is invalid or expired");
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(Problem.response("unauthorized", "Unauthorized", 401, detail, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response("forbidden", "Forbidden", 403, "this role may not do this", null);
    }

    @ServerExceptionMapper
    public Response otherStation(StationForbiddenException e) {
        return Problem.response("forbidden-station", "Forbidden for this station", 403, e.getMessage(),
                List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return Problem.response("malformed-json", "Malformed JSON", 400,
                "the body is not valid JSON (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")",
                List.of(new FieldError("$", "not valid JSON")));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        String field = path(e);
        return Problem.response("unknown-field", "Unknown field", 400, field + " is not a field of this request",
                List.of(new FieldError(field, "is not a known field; known: " + e.getKnownPropertyIds())));
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String target = e.getTargetType() == null ? "value" : e.getTargetType().getSimpleName();
        String message = field.isEmpty() ? "the body must be a JSON object" : "has the wrong type or format (expected " + target + ")";
        return Problem.response("invalid-suggestion", "Invalid suggestion", 400,
                (field.isEmpty() ? "body" : field) + " " + message, List.of(new FieldError(field.isEmpty() ? "$" : field, message)));
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e) {
        return Problem.response("malformed-json", "Malformed JSON", 400,
                "the body could not be read as JSON", List.of(new FieldError("$", "unreadable JSON")));
    }

    @ServerExceptionMapper
    public Response invalidEncoding(InvalidEncodingException e) {
        return Problem.response("invalid-encoding", "Invalid encoding", 400, e.getMessage(),
                List.of(new FieldError("$", "must be UTF-8")));
    }

    @ServerExceptionMapper
    public Response keyReused(IdempotencyKeyReusedException e) {
        return Problem.response("idempotency-key-reused", "Idempotency-Key reused", 422, e.getMessage(),
                List.of(new FieldError("Idempotency-Key", "was used with a different request")));
    }

    @ServerExceptionMapper
    public Response badKey(InvalidIdempotencyKeyException e) {
        return Problem.response("invalid-idempotency-key", "Invalid Idempotency-Key", 400, e.getMessage(),
                List.of(new FieldError("Idempotency-Key", e.getMessage())));
    }

    @ServerExceptionMapper
    public Response missingBody(MissingBodyException e) {
        return Problem.response("missing-body", "Missing body", 400, e.getMessage(),
                List.of(new FieldError("$", "is required")));
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e) {
        return Response.fromResponse(Problem.response("rate-limited", "Too many requests", 429,
                "station " + e.stationId() + " is over its request rate; retry after " + e.retryAfterSeconds() + " s", null))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).build();
    }

    @ServerExceptionMapper
    public Response conflict(SuggestionConflictException e) {
        return Problem.response(e.kind(), "Conflict", 409, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response noSuchSuggestion(SuggestionNotFoundException e) {
        return Problem.response("not-found", "Not found", 404, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.response("not-found", "Not found", 404, e.getMessage(), null);
    }

    /** Whatever else the framework rejects (an unreadable body, a wrong media type...) as a problem too. */
    @ServerExceptionMapper
    public Response rejected(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return Problem.response("internal", "Internal error", status, "the request could not be completed", null);
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return Problem.response("http-" + status, reason, status, status == 400 ? "the body could not be read" : reason,
                status == 400 ? List.of(new FieldError("$", "unreadable body")) : null);
    }
}
