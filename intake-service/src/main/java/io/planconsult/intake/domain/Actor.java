package io.planconsult.intake.domain;

/** Who made a change, as the audit trail records it: the token's subject and role. */
public record Actor(String subject, String role) {
}
