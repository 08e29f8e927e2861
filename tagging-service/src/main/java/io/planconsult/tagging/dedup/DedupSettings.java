package io.planconsult.tagging.dedup;

import io.planconsult.tagging.text.JsonResources;
import java.util.List;

/**
 * Dedup settings as versioned data (tagging/dedup.json).
 *
 * @param threshold    estimated Jaccard similarity at or above which two suggestions are near-duplicates;
 *                     low because duplicates in consultations are paraphrases, not copies
 * @param permutations MinHash signature length: more is steadier near the threshold, slower to build
 */
public record DedupSettings(String version, double threshold, int permutations, List<String> stopShingles,
        List<String> englishStopWords) {

    public static final String DEFAULT_RESOURCE = "tagging/dedup.json";

    public DedupSettings {
        stopShingles = List.copyOf(stopShingles);
        englishStopWords = List.copyOf(englishStopWords);
    }

    public static DedupSettings loadDefault() {
        return JsonResources.read(DEFAULT_RESOURCE, DedupSettings.class);
    }

    public DedupSettings withThreshold(double newThreshold) {
        return new DedupSettings(version, newThreshold, permutations, stopShingles, englishStopWords);
    }
}
