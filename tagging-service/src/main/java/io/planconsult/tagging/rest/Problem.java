package io.planconsult.tagging.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail with a stable {@code type} URI and the parameter at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public record FieldError(String field, String message) {
    }

    private static final String TYPE_BASE = "https://planconsult.io/problems/";

    /** Thrown by resources; rendered as application/problem+json. */
    public static WebApplicationException exception(String kind, String title, int status, String detail, String field) {
        Problem problem = new Problem(TYPE_BASE + kind, title, status, detail,
                field == null ? null : List.of(new FieldError(field, detail)));
        return new WebApplicationException(Response.status(status).type("application/problem+json").entity(problem).build());
    }
}
