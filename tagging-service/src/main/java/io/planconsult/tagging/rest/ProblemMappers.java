package io.planconsult.tagging.rest;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.planconsult.contract.Problem;
import io.planconsult.contract.ProblemException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Every failure as the contract's problem+json; never echoes the body, never shows internals. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    static Response render(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response refused(ProblemException e) {
        return render(e.problem());
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return render(Problem.of("malformed-json", "Malformed JSON", 400,
                "the body could not be read as the expected JSON object", "$"));
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
        return Response.fromResponse(render(Problem.of("unauthorized", "Unauthorized", 401, detail, (String) null)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return render(Problem.of("forbidden", "Forbidden", 403, "this role may not do this", (String) null));
    }

    @ServerExceptionMapper
    public Response rejected(WebApplicationException e) {
        Response response = e.getResponse();
        if (response.hasEntity() && response.getEntity() instanceof Problem) {
            return response;
        }
        int status = response.getStatus();
        if (status >= 500) {
            return render(Problem.internal(status));
        }
        String reason = response.getStatusInfo().getReasonPhrase();
        return render(Problem.of("http-" + status, reason, status, status == 400 ? "the body could not be read" : reason,
                status == 400 ? "$" : null));
    }

    /** Anything else is a bug: logged by kind here, told to the client as a bare 500. */
    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.errorf("request failed with %s", e.getClass().getName());
        return render(Problem.internal(500));
    }
}
