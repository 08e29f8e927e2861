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
        return render(Problem.unreadableJson());
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized(false);
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e) {
        return unauthorized(true);
    }

    private static Response unauthorized(boolean tokenPresented) {
        return Response.fromResponse(render(Problem.unauthorized(tokenPresented)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return render(Problem.forbidden());
    }

    @ServerExceptionMapper
    public Response rejected(WebApplicationException e) {
        Response response = e.getResponse();
        if (response.hasEntity() && response.getEntity() instanceof Problem) {
            return response;
        }
        return render(Problem.rejected(response.getStatus(), response.getStatusInfo().getReasonPhrase()));
    }

    /** Anything else is a bug: logged by kind here, told to the client as a bare 500. */
    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.errorf("request failed with %s", e.getClass().getName());
        return render(Problem.internal(500));
    }
}
