package io.planconsult.reporting.rest;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.planconsult.contract.Roles;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who may see the dashboard's aggregates: anyone while {@code reporting.public-dashboard} is on (a city may
 * publish its tallies), else any caller with a valid token. Aggregates carry no personal data either way.
 */
@RequestScoped
public class DashboardAccess {

    private final SecurityIdentity identity;
    private final boolean publicDashboard;

    DashboardAccess(SecurityIdentity identity, @ConfigProperty(name =
            "reporting.public-dashboard") boolean publicDashboard) {
        this.identity = identity;
        this.publicDashboard = publicDashboard;
    }

    /**
     * Whether the caller may see the representative texts of the most-raised points: analysts and admins. Everyone
     * else (anonymous, viewers, station staff) gets aggregates only, even though the texts are redacted: redaction
     * is a safeguard, not a licence to publish what citizens wrote.
     */
    public boolean mayReadTexts() {
        return identity.hasRole(Roles.ANALYST) || identity.hasRole(Roles.ADMIN);
    }

    /** The OpenAPI description of the 401 an open dashboard operation gives when the dashboard is not public. */
    static final String NOT_PUBLIC =
            "The dashboard is not public (reporting.public-dashboard=false) and no valid token was sent";

    /** @throws UnauthorizedException when the dashboard is not public and the caller sent no valid token */
    public void check() {
        if (!publicDashboard && identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
    }
}
