package io.planconsult.tagging.district;

import io.planconsult.contract.reference.DistrictList;
import io.planconsult.contract.reference.ReferenceData;
import io.planconsult.tagging.text.JsonResources;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The district gazetteer: codes and full names from the contract's reference data, the place names that locate
 * each district as tagging's own versioned data (tagging/gazetteer.json).
 *
 * @param blockers  names that contain a district name but locate nothing (钱塘江 is the river)
 * @param minorPlaces places that mostly, not only, lie in one district (the Grand Canal); they weigh less
 * @param weakForms names that may or may not mean a district (西湖 the lake vs 西湖区); they count
 *                  only when another mention or the posting station confirms the district
 */
public record Gazetteer(String version, Weights weights, List<District> districts, Map<String, String> minorPlaces,
        List<String> blockers, Map<String, String> weakForms) {

    public static final String DEFAULT_RESOURCE = "tagging/gazetteer.json";

    public record District(String code, String name, List<String> shortForms, List<String> englishNames,
            List<String> places) {

        public District {
            shortForms = shortForms == null ? List.of() : List.copyOf(shortForms);
            englishNames = englishNames == null ? List.of() : List.copyOf(englishNames);
            places = places == null ? List.of() : List.copyOf(places);
        }
    }

    /**
     * @param enumerationFactor weight multiplier for a name in a list ("湖滨、武林、钱江新城"): a list of
     *                          places usually describes a city-wide matter rather than locating it
     * @param dominance         how many times the runner-up's weight the winner needs to be named
     */
    public record Weights(double fullName, double shortForm, double place, double minorPlace, double enumerationFactor,
            double dominance) {
    }

    public Gazetteer {
        districts = List.copyOf(districts);
        minorPlaces = minorPlaces == null ? Map.of() : Map.copyOf(minorPlaces);
        blockers = blockers == null ? List.of() : List.copyOf(blockers);
        weakForms = weakForms == null ? Map.of() : Map.copyOf(weakForms);
    }

    public static Gazetteer loadDefault() {
        return withNames(JsonResources.read(DEFAULT_RESOURCE, Gazetteer.class), ReferenceData.districts());
    }

    /**
     * The gazetteer with each district's full name taken from the reference list, which it must match code for code.
     */
    static Gazetteer withNames(Gazetteer places, DistrictList reference) {
        if (!Set.copyOf(places.codes()).equals(Set.copyOf(reference.codes()))) {
            throw new IllegalStateException(DEFAULT_RESOURCE + " lists districts " + places.codes()
                    + ", the contract has " + reference.codes());
        }
        List<District> named = reference.districts().stream().map(r -> places.districts().stream()
                .filter(d -> d.code().equals(r.code())).findFirst()
                .map(d -> new District(d.code(), r.name(), d.shortForms(), d.englishNames(), d.places()))
                .orElseThrow()).toList();
        return new Gazetteer(places.version(), places.weights(), named, places.minorPlaces(), places.blockers(),
                places.weakForms());
    }

    public List<String> codes() {
        return districts.stream().map(District::code).toList();
    }
}
