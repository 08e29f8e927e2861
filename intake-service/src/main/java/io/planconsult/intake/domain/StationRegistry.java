package io.planconsult.intake.domain;

import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.planconsult.contract.reference.ReferenceData;
import io.planconsult.contract.reference.StationList;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

/**
 * The registry of liaison stations. Seeded at start from the contract's versioned station list (new stations are
 * added, existing ones renamed or moved); the database is the source of truth afterwards.
 */
@ApplicationScoped
public class StationRegistry {

    private static final Logger LOG = Logger.getLogger(StationRegistry.class);

    @Transactional
    void seed(@Observes StartupEvent ignored) {
        StationList file = ReferenceData.stations();
        for (io.planconsult.contract.reference.Station data : file.stations()) {
            Station station = Station.findById(data.id());
            if (station == null) {
                station = new Station();
                station.id = data.id();
            }
            station.name = data.name();
            station.district = data.district();
            station.persist();
        }
        LOG.infof("station registry %s: %d stations", file.version(), file.stations().size());
    }

    public Optional<Station> find(String stationId) {
        return stationId == null ? Optional.empty() : Optional.ofNullable(Station.findById(stationId));
    }

    public List<Station> all() {
        return Station.listAll(io.quarkus.panache.common.Sort.by("district", "id"));
    }
}
