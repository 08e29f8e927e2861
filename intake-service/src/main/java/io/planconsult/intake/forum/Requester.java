package io.planconsult.intake.forum;

/**
 * Who posts an import, as far as the import needs to know: recorded on the job (for the audit trail of the
 * suggestions it creates) and the scope of its Idempotency-Keys (two callers never share a key).
 *
 * @param subject the token's subject
 * @param role    the token's strongest role
 * @param scope   whose keys these are (subject and station)
 */
public record Requester(String subject, String role, String scope) {
}
