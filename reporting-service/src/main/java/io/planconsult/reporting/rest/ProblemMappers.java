package io.planconsult.reporting.rest;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Renders framework rejections (bad query parameter types, unknown paths) as problem+json too. */
public class ProblemMappers {

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
