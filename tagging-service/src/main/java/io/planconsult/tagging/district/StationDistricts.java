package io.planconsult.tagging.district;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which district each station is in, learnt from the submitted events that carry both (the
 * station registry itself belongs to intake). Used by /classify when only a station id is given.
 */
@ApplicationScoped
public class StationDistricts {

    private final Map<String, String> districtByStation = new ConcurrentHashMap<>();

    public void learn(String stationId, String district) {
        if (stationId != null && district != null) {
            districtByStation.put(stationId, district);
        }
    }

    public Optional<String> districtOf(String stationId) {
        return stationId == null ? Optional.empty() : Optional.ofNullable(districtByStation.get(stationId));
    }
}
