package io.planconsult.reporting.rest;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Renders framework rejections (bad query parameter types, unknown paths) as problem+json too. */
public class ProblemMappers {

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
        return Problem.exception("http-" + status, reason, status, reason, null).getResponse();
    }
}
