package io.planconsult.contract;

import java.util.List;

/**
 * The roles in the platform's bearer tokens (the {@code groups} claim) and the claim naming a station-staff
 * member's station. Every service checks the same names; README "Who may do what" has the matrix.
 */
public final class Roles {

    /** Posts, reads, amends and withdraws its own station's suggestions. */
    public static final String STATION_STAFF = "station-staff";
    /** Reads everything, re-tags, merges duplicates, produces reports. */
    public static final String ANALYST = "analyst";
    /** Dashboards: aggregates only, never suggestion texts. */
    public static final String VIEWER = "viewer";
    /** Station registry, erasure, rebuilds; may act for any station. */
    public static final String ADMIN = "admin";

    /** Claim holding a station-staff member's station id. */
    public static final String STATION_CLAIM = "station";

    /** Strongest first: the role an audit entry names when a token carries several. */
    public static final List<String> ALL = List.of(ADMIN, ANALYST, STATION_STAFF, VIEWER);

    private Roles() {
    }
}
