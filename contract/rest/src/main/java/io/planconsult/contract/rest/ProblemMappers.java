package io.planconsult.contract.rest;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.planconsult.contract.Problem;
import io.planconsult.contract.ProblemException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The failures every service meets the same way, as the contract's problem+json: a refusal the service raised
 * ({@link ProblemException}), no token or a bad one (401 with {@code WWW-Authenticate: Bearer}), a role that may not
 * (403), whatever else the framework rejects (an unknown path, a wrong media type, a bad query parameter type), and
 * anything unexpected: a bare 500, logged by kind only. Messages never echo the request, which may hold personal data.
 * A service maps its own exceptions beside these; the most specific mapper of a failure wins.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** The problem as its response: its status, {@code application/problem+json}. */
    public static Response render(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response refused(ProblemException e) {
        return render(e.problem());
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

    /** A response that is a problem already passes as it is. */
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
