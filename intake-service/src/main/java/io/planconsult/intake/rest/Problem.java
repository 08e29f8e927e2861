package io.planconsult.intake.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.planconsult.intake.domain.FieldError;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URI per kind of problem; {@code errors}
 * names each field at fault.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://planconsult.io/problems/";

    static Response response(String kind, String title, int status, String detail, List<FieldError> errors) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem(TYPE_BASE + kind, title, status, detail, errors))
                .build();
    }
}
