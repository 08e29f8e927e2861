package io.planconsult.tagging.rest;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.planconsult.contract.Problem;
import io.planconsult.contract.rest.ProblemMappers;
import jakarta.ws.rs.core.Response;

/**
 * A body that is not the JSON a resource reads, as problem+json (400), without echoing it; every other failure is
 * mapped by the contract's REST module's {@link ProblemMappers}.
 */
public class JsonProblemMapper {

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return ProblemMappers.render(Problem.unreadableJson());
    }
}
