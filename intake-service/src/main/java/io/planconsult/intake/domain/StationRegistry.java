package io.planconsult.intake.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

/**
 * The registry of liaison stations. Seeded at start from a versioned data file (new stations are
 * added, existing ones renamed or moved); the database is the source of truth afterwards.
 */
@ApplicationScoped
public class StationRegistry {

    private static final Logger LOG = Logger.getLogger(StationRegistry.class);

    record StationData(String id, String name, String district) {
    }

    record RegistryFile(String version, List<StationData> stations) {
    }

    private final ObjectMapper mapper;
    private final String resource;

    StationRegistry(ObjectMapper mapper, @ConfigProperty(name = "intake.stations.resource", defaultValue = "stations.json") String resource) {
        this.mapper = mapper;
        this.resource = resource;
    }

    @Transactional
    void seed(@Observes StartupEvent ignored) {
        RegistryFile file = read();
        for (StationData data : file.stations()) {
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

    private RegistryFile read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("station registry " + resource + " not found on the class path");
            }
            return mapper.readValue(in, RegistryFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read station registry " + resource, e);
        }
    }
}
