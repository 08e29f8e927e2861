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

    /**
     * One field at fault: a JSON path ({@code text}, {@code items[2].id}, {@code $} for the whole body) or a header.
     */
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

    /**
     * A request without a usable bearer token. The client learns only that it was refused; why a presented token failed
     * stays in the server's log. The mapper adds {@code WWW-Authenticate: Bearer}.
     */
    public static Problem unauthorized(boolean tokenPresented) {
        return of("unauthorized", "Unauthorized", 401,
                tokenPresented ? "the bearer token is invalid or expired" : "a bearer token is required",
                (String) null);
    }

    /** A valid token whose roles do not allow the operation. */
    public static Problem forbidden() {
        return of("forbidden", "Forbidden", 403, "this role may not do this", (String) null);
    }

    /** A body that is not JSON at all, or not the JSON object the operation reads; never echoes the body. */
    public static Problem unreadableJson() {
        return of("malformed-json", "Malformed JSON", 400, "the body could not be read as JSON",
                List.of(new FieldError("$", "unreadable JSON")));
    }

    /**
     * What a rejection by the framework itself tells the client (wrong media type, unreadable body, unknown path,
     * a query parameter of the wrong type): its status and reason phrase, and nothing of the internals on a 5xx.
     */
    public static Problem rejected(int status, String reason) {
        if (status >= 500) {
            return internal(status);
        }
        boolean unreadableBody = status == 400;
        return of("http-" + status, reason, status, unreadableBody ? "the body could not be read" : reason,
                unreadableBody ? List.of(new FieldError("$", "unreadable body")) : null);
    }

    /** Thrown by resources; the service's mapper renders it. */
    public static ProblemException exception(String kind, String title, int status, String detail, String field) {
        return new ProblemException(of(kind, title, status, detail, field));
    }
}
