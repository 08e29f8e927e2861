package io.planconsult.tagging.topics;

import io.planconsult.tagging.text.JsonResources;
import java.util.List;
import java.util.Map;

/**
 * The consultation's key areas as versioned data (tagging/taxonomy.json), so that next year's
 * plan or another city brings a new file, not new code. The area with code {@link #OTHER} is the
 * catch-all and must be present.
 */
public record Taxonomy(String version, String description, List<Area> areas) {

    public static final String DEFAULT_RESOURCE = "tagging/taxonomy.json";
    public static final String OTHER = "other";

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
        return JsonResources.read(DEFAULT_RESOURCE, Taxonomy.class);
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
