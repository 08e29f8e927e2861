package io.planconsult.tagging.rest;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Malformed bodies and framework rejections as problem+json; never echoes the body. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return Problem.exception("malformed-json", "Malformed JSON", 400, "the body could not be read as the expected JSON object", "$")
                .getResponse();
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
