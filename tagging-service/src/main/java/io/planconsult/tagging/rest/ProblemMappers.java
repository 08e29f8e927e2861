package io.planconsult.tagging.rest;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Malformed bodies and framework rejections as problem+json; never echoes the body. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return Problem.exception("malformed-json", "Malformed JSON", 400, "the body could not be read as the expected JSON object", "$")
                .getResponse();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized("a bearer token is required");
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e) {
        return unauthorized("the bearer token is invalid or expired");
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(Problem.exception("unauthorized", "Unauthorized", 401, detail, null).getResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.exception("forbidden", "Forbidden", 403, "this role may not do this", null).getResponse();
    }

    @ServerExceptionMapper
    public Response rejected(WebApplicationException e) {
        Response response = e.getResponse();
        if (response.hasEntity() && response.getEntity() instanceof Problem) {
            return response;
        }
        int status = response.getStatus();
        String reason = response.getStatusInfo().getReasonPhrase();
        return Problem.exception("http-" + status, reason, status, status == 400 ? "the body could not be read" : reason,
                status == 400 ? "$" : null).getResponse();
    }
}
