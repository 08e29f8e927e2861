package io.planconsult.intake.security;

import java.util.List;

/** The roles a token carries in its {@code groups} claim (README "Who may do what"). */
public final class Roles {

    /** Types in what residents say at one station: create, read, amend, withdraw that station's suggestions only. */
    public static final String STATION_STAFF = "station-staff";
    /** The research office: reads every suggestion, re-tags, merges duplicates. */
    public static final String ANALYST = "analyst";
    /** Dashboards: aggregates only; may not read suggestions or their text. */
    public static final String VIEWER = "viewer";
    /** Station registry, contact data and erasure; may also act as staff for any station. */
    public static final String ADMIN = "admin";

    /** Strongest first: the role an audit entry names when a token carries several. */
    public static final List<String> BY_PRECEDENCE = List.of(ADMIN, ANALYST, STATION_STAFF, VIEWER);

    /** The claim that names a station-staff token's station. */
    public static final String STATION_CLAIM = "station";

    private Roles() {
    }
}
