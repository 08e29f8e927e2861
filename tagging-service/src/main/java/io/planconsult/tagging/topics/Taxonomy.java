package io.planconsult.tagging.topics;

import io.planconsult.contract.reference.ReferenceData;
import io.planconsult.contract.reference.TopicTaxonomy;
import io.planconsult.tagging.text.JsonResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The consultation's key areas with their keyword lists: codes, names and version from the contract's
 * reference data, keywords from tagging's own data file (tagging/topic-keywords.json), so that next year's
 * plan or another city brings new files, not new code. The area with code {@link #OTHER} is the
 * catch-all and must be present.
 */
public record Taxonomy(String version, String description, List<Area> areas) {

    public static final String KEYWORDS_RESOURCE = "tagging/topic-keywords.json";
    public static final String OTHER = TopicTaxonomy.OTHER;

    /** The keyword file: one list per topic code, written for one taxonomy version. */
    record KeywordFile(String taxonomyVersion, String description, Map<String, Map<String, Double>> keywords) {
    }

    /** @param keywords phrase to weight (3 specific, 2 typical, 1 weak hint) */
    public record Area(String code, String name, String englishName, Map<String, Double> keywords) {

        public Area {
            keywords = keywords == null ? Map.of() : Map.copyOf(keywords);
        }
    }

    public Taxonomy {
        areas = List.copyOf(areas);
        if (areas.stream().noneMatch(a -> OTHER.equals(a.code()))) {
            throw new IllegalArgumentException("taxonomy " + version + " has no '" + OTHER + "' area");
        }
    }

    public static Taxonomy loadDefault() {
        return of(ReferenceData.taxonomy(), JsonResources.read(KEYWORDS_RESOURCE, KeywordFile.class));
    }

    static Taxonomy of(TopicTaxonomy reference, KeywordFile file) {
        if (!reference.version().equals(file.taxonomyVersion())) {
            throw new IllegalStateException(KEYWORDS_RESOURCE + " is written for taxonomy " + file.taxonomyVersion()
                    + ", the contract has " + reference.version());
        }
        if (!file.keywords().keySet().equals(java.util.Set.copyOf(reference.codes()))) {
            throw new IllegalStateException(KEYWORDS_RESOURCE + " lists topics " + file.keywords().keySet()
                    + ", the taxonomy has " + reference.codes());
        }
        List<Area> areas = new ArrayList<>();
        reference.topics().forEach(t -> areas.add(new Area(t.code(), t.name(), t.nameEn(),
                file.keywords().get(t.code()))));
        return new Taxonomy(reference.version(), file.description(), areas);
    }

    public List<String> codes() {
        return areas.stream().map(Area::code).toList();
    }

    public int indexOf(String code) {
        for (int i = 0; i < areas.size(); i++) {
            if (areas.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }
}
