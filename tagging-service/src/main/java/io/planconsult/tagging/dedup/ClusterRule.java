package io.planconsult.tagging.dedup;

import java.util.Arrays;
import java.util.List;

/**
 * Which cluster a new suggestion joins, given the earlier representatives that share a band key with
 * it: the most similar one (the earliest on a tie) if it clears the bar, else none; and whether the
 * newcomer becomes a representative itself. Only representatives are candidates, at most
 * {@link DedupSettings#maxRepresentatives()} per cluster, so the cost of a newcomer does not grow with
 * the size of the cluster it joins; and of those only the {@link DedupSettings#maxCandidates()} sharing the most
 * band keys with the newcomer ({@link #shortlist}), so its cost does not grow with the index either. Shared by
 * every {@link DedupIndex}, so an in-memory and a database-backed index decide alike.
 */
public final class ClusterRule {

    /** An earlier representative, in insertion order. */
    public record Earlier(String id, Fingerprint fingerprint, String clusterId) {
    }

    private final DedupSettings settings;

    public ClusterRule(DedupSettings settings) {
        this.settings = settings;
    }

    /** How many representatives a newcomer is compared with, at most. */
    public int maxCandidates() {
        return settings.maxCandidates();
    }

    /**
     * The representatives a newcomer is compared with: of those sharing at least one band key with it, the
     * {@link #maxCandidates()} sharing the most (with r-row bands the share of equal bands estimates s^r, s the
     * MinHash similarity, so this keeps the likeliest matches), the earlier on equal counts, so that the choice
     * depends only on the index's content and order. The database index ranks the same way in SQL
     * ({@code ORDER BY count(*) DESC, position LIMIT maxCandidates}).
     *
     * @param positions  insertion positions (0 or more, below 2^31) of the representatives sharing a key
     * @param sharedKeys how many of the newcomer's distinct band keys each shares, index for index
     * @param count      how many of the two arrays' leading elements are filled
     * @return the chosen positions in ascending insertion order, ready for {@link #assign}
     */
    public int[] shortlist(int[] positions, int[] sharedKeys, int count) {
        long[] ranked = new long[count];
        for (int i = 0; i < count; i++) {
            // Fewer missing keys first, then the earlier position: one long sorts by both.
            ranked[i] = (long) (Integer.MAX_VALUE - sharedKeys[i]) << 32 | positions[i];
        }
        Arrays.sort(ranked);
        int[] chosen = new int[Math.min(count, settings.maxCandidates())];
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = (int) ranked[i];
        }
        Arrays.sort(chosen);
        return chosen;
    }

    /** @param earlier candidates in ascending insertion order */
    public DedupIndex.Assignment assign(String id, Fingerprint fingerprint, List<Earlier> earlier) {
        Earlier best = null;
        double bestSimilarity = 0;
        // Ascending insertion order with a strict '>': on equal similarity the earliest item wins.
        for (Earlier e : earlier) {
            double s = fingerprint.similarity(e.fingerprint());
            if (s > bestSimilarity) {
                bestSimilarity = s;
                best = e;
            }
        }
        return best != null && joins(fingerprint, best.fingerprint(), bestSimilarity)
                ? new DedupIndex.Assignment(id, best.clusterId(), best.id(), bestSimilarity)
                : new DedupIndex.Assignment(id, id, null, bestSimilarity);
    }

    /**
     * @param representatives how many the cluster it joined has already
     * @return true when later suggestions should be compared with this one: it starts a cluster, or it brings
     *         wording the cluster's representatives lack and the cluster has room for another
     */
    public boolean isRepresentative(DedupIndex.Assignment assignment, int representatives) {
        return assignment.similarTo() == null || representatives < settings.maxRepresentatives()
                && assignment.similarity() < settings.representativeBelow();
    }

    private boolean joins(Fingerprint added, Fingerprint earlier, double similarity) {
        if (added.shingles().size() < settings.minShingles() || earlier.shingles().size() < settings.minShingles()) {
            return false;
        }
        double bar = added.everyday() || earlier.everyday() ? settings.everydayThreshold() : settings.threshold();
        return similarity >= bar;
    }
}
