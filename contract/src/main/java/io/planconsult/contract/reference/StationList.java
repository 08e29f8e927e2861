package io.planconsult.contract.reference;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The versioned list of liaison stations ({@code reference/stations.json}); intake seeds its registry from it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StationList(String version, List<Station> stations) {

    public StationList {
        stations = List.copyOf(stations);
    }
}
