package io.planconsult.intake.forum;

/**
 * Who posts an import, as far as the import needs to know: recorded on the job (for the audit trail of the
 * suggestions it creates) and the scope of its Idempotency-Keys (two callers never share a key).
 *
 * @param subject the token's subject, or {@code null} without authentication
 * @param role    the token's strongest role, or {@code null}
 * @param scope   whose keys these are (subject and station); never {@code null}
 */
public record Requester(String subject, String role, String scope) {

    /** The caller while the API has no authentication: every request shares one key scope. */
    public static final Requester ANONYMOUS = new Requester(null, null, "anonymous");
}
