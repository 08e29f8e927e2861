package io.planconsult.contract.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The reference data every service reads: taxonomy, districts and stations, versioned JSON files under
 * {@code reference/} in this module. Loaded once and checked for consistency (every station in a known district,
 * the catch-all topic present), so a bad edit fails at start rather than in a tally.
 */
public final class ReferenceData {

    public static final String TAXONOMY = "reference/taxonomy.json";
    public static final String DISTRICTS = "reference/districts.json";
    public static final String STATIONS = "reference/stations.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReferenceData() {
    }

    public static TopicTaxonomy taxonomy() {
        return Loaded.TAXONOMY;
    }

    public static DistrictList districts() {
        return Loaded.DISTRICTS;
    }

    public static StationList stations() {
        return Loaded.STATIONS;
    }

    /** Holder: loads on first use, once per class loader. */
    private static final class Loaded {
        static final TopicTaxonomy TAXONOMY = read(ReferenceData.TAXONOMY, TopicTaxonomy.class);
        static final DistrictList DISTRICTS = read(ReferenceData.DISTRICTS, DistrictList.class);
        static final StationList STATIONS = read(ReferenceData.STATIONS, StationList.class);

        static {
            if (!TAXONOMY.contains(TopicTaxonomy.OTHER)) {
                throw new IllegalStateException("taxonomy " + TAXONOMY.version() + " has no '" + TopicTaxonomy.OTHER
                        + "' topic");
            }
            Set<String> unknown = STATIONS.stations().stream().map(Station::district)
                    .filter(d -> !DISTRICTS.contains(d)).collect(Collectors.toSet());
            if (!unknown.isEmpty()) {
                throw new IllegalStateException("stations " + STATIONS.version() + " name unknown districts "
                        + unknown);
            }
        }
    }

    private static <T> T read(String resource, Class<T> type) {
        try (InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("reference data " + resource + " is not on the class path");
            }
            return MAPPER.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference data " + resource, e);
        }
    }
}
