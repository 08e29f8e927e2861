package io.planconsult.intake.security;

import java.util.Optional;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.planconsult.contract.Roles;
import io.planconsult.intake.domain.Actor;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who is calling, from the verified bearer token: subject, strongest role and, for station staff, the station.
 * Resources use it for the rules that roles alone cannot express (station scoping).
 */
@RequestScoped
public class Caller {

    private final JsonWebToken token;

    Caller(JsonWebToken token) {
        this.token = token;
    }

    public String subject() {
        String subject = token.getSubject();
        return subject != null ? subject : token.getName();
    }

    /** The strongest of the token's roles (see {@link Roles#ALL}). */
    public String role() {
        return Roles.ALL.stream().filter(token.getGroups()::contains).findFirst().orElse("none");
    }

    public boolean isAdmin() {
        return token.getGroups().contains(Roles.ADMIN);
    }

    public boolean isAnalyst() {
        return token.getGroups().contains(Roles.ANALYST);
    }

    public Optional<String> station() {
        Object claim = token.getClaim(Roles.STATION_CLAIM);
        return claim == null ? Optional.empty() : Optional.of(claim.toString()).map(s -> s.replace("\"", ""));
    }

    /**
     * Admins act for any station; station staff for their own only.
     *
     * @throws StationForbiddenException otherwise
     */
    public void requireStation(String stationId, String field) {
        if (isAdmin()) {
            return;
        }
        if (!token.getGroups().contains(Roles.STATION_STAFF)) {
            throw new StationForbiddenException(field, "this role may not act for a station");
        }
        String own = station().orElseThrow(() -> new StationForbiddenException(field, "the token names no station"));
        if (!own.equals(stationId)) {
            throw new StationForbiddenException(field, "the token is for another station");
        }
    }

    /** Admins and analysts read every suggestion; station staff their own station's. */
    public void requireReadable(String stationId) {
        if (isAdmin() || isAnalyst()) {
            return;
        }
        requireStation(stationId, "id");
    }

    /** The caller as the audit trail records it. */
    public Actor actor() {
        return new Actor(subject(), role());
    }

    /** Idempotency keys are the caller's own: two callers using the same key never see each other's response. */
    public String scope() {
        return subject() + "|" + station().orElse("");
    }
}
