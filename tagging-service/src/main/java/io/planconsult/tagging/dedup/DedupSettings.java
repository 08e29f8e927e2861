package io.planconsult.tagging.dedup;

import io.planconsult.tagging.text.JsonResources;
import java.util.List;

/**
 * Dedup settings as versioned data (tagging/dedup.json).
 *
 * @param threshold          exact Jaccard similarity of shingle sets at or above which two suggestions are
 *                           near-duplicates; low because duplicates in consultations are paraphrases, not copies
 * @param everydayThreshold  the same for a pair where either text is about an everyday matter outside the
 *                           consultation's areas ({@link EverydayGate}): independent residents describe the same
 *                           nuisance in the same words, so only a near-verbatim resubmission counts
 * @param minShingles        texts with fewer content shingles (greetings, "测试") never join a cluster
 * @param permutations       MinHash signature length
 * @param rowsPerBand        LSH band width r; permutations / r bands
 * @param maxRepresentatives a cluster's members that later suggestions are compared with, at most: its first one,
 *                           and members that brought wording the others lack; so a campaign's thousand copies of
 *                           one letter cost a newcomer a few comparisons, not a thousand
 * @param representativeBelow a member this far or further from every representative (similarity below it) becomes
 *                           one, while the cluster has fewer than maxRepresentatives
 * @param maxCandidates      representatives a newcomer is compared with, at most: those sharing the most band keys
 *                           with it (ties to the earliest), see {@link ClusterRule#shortlist}; texts built from a
 *                           campaign's common sentences share a band with hundreds of representatives, and comparing
 *                           with all of them made a newcomer's cost grow with the index
 */
public record DedupSettings(String version, double threshold, double everydayThreshold, int minShingles,
        int permutations, int rowsPerBand, int maxRepresentatives, double representativeBelow, int maxCandidates,
        List<String> stopShingles, List<String> englishStopWords) {

    public static final String DEFAULT_RESOURCE = "tagging/dedup.json";

    public DedupSettings {
        stopShingles = List.copyOf(stopShingles);
        englishStopWords = List.copyOf(englishStopWords);
        if (rowsPerBand <= 0 || permutations % rowsPerBand != 0) {
            throw new IllegalArgumentException("permutations must be a multiple of rowsPerBand");
        }
        if (maxRepresentatives < 1) {
            throw new IllegalArgumentException("a cluster needs at least one representative");
        }
        if (maxCandidates < 1) {
            throw new IllegalArgumentException("a newcomer needs at least one candidate");
        }
    }

    public static DedupSettings loadDefault() {
        return JsonResources.read(DEFAULT_RESOURCE, DedupSettings.class);
    }

    /** Sets both thresholds: for callers that want one similarity bar for every pair. */
    public DedupSettings withThreshold(double newThreshold) {
        return withThresholds(newThreshold, newThreshold);
    }

    public DedupSettings withThresholds(double newThreshold, double newEverydayThreshold) {
        return new DedupSettings(version, newThreshold, newEverydayThreshold, minShingles, permutations, rowsPerBand,
                maxRepresentatives, representativeBelow, maxCandidates, stopShingles, englishStopWords);
    }

    /** The same with another candidate bound; {@code Integer.MAX_VALUE}: every representative sharing a band key. */
    public DedupSettings withMaxCandidates(int newMaxCandidates) {
        return new DedupSettings(version, threshold, everydayThreshold, minShingles, permutations, rowsPerBand,
                maxRepresentatives, representativeBelow, newMaxCandidates, stopShingles, englishStopWords);
    }
}
