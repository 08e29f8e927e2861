package io.planconsult.contract;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The platform's one error shape: an RFC 9457 problem detail ({@code application/problem+json}) with a stable
 * {@code type} URI per kind of problem and, when a request field is at fault, {@code errors} naming each field.
 * Schema: {@code schemas/problem.v1.json}. Each service has one mapper class that renders it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://planconsult.io/problems/";

    /** One field at fault: a JSON path ({@code text}, {@code items[2].id}, {@code $} for the whole body) or a header. */
    public record FieldError(String field, String message) {
    }

    public Problem {
        errors = errors == null ? null : List.copyOf(errors);
    }

    /** @param kind the last segment of the {@code type} URI, e.g. {@code invalid-parameter} */
    public static Problem of(String kind, String title, int status, String detail, List<FieldError> errors) {
        return new Problem(TYPE_BASE + kind, title, status, detail, errors);
    }

    /** A problem whose detail is also the message of the one field at fault ({@code field} may be null). */
    public static Problem of(String kind, String title, int status, String detail, String field) {
        return of(kind, title, status, detail, field == null ? null : List.of(new FieldError(field, detail)));
    }

    /** What an unexpected failure tells the client: the status and nothing of the internals. */
    public static Problem internal(int status) {
        return of("internal", "Internal error", status, "the request could not be completed", (List<FieldError>) null);
    }

    /** Thrown by resources; the service's mapper renders it. */
    public static ProblemException exception(String kind, String title, int status, String detail, String field) {
        return new ProblemException(of(kind, title, status, detail, field));
    }
}
