package io.planconsult.tagging.tools.eval;

import io.planconsult.tagging.pipeline.Enrichment;
import io.planconsult.tagging.tools.data.LabelledSuggestion;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The review queue's figures: how many suggestions are flagged, why, and how often the tags an analyst
 * would not look at are right. A tag is right when the primary topic is one of the row's labelled topics
 * (the acceptable set). Also a reliability table: the best topic's score against how often it is right.
 */
public final class ReviewQueue {

    private static final int BINS = 10;

    private int rows;
    private int flagged;
    private int unflaggedRight;
    private int right;
    private final Map<String, Integer> reasons = new TreeMap<>();
    private final int[] binRows = new int[BINS];
    private final int[] binRight = new int[BINS];

    public void add(LabelledSuggestion row, Enrichment e) {
        rows++;
        boolean ok = row.topics().contains(e.primaryTopic());
        if (ok) {
            right++;
        }
        if (e.needsReview()) {
            flagged++;
            e.reviewReasons().forEach(r -> reasons.merge(r, 1, Integer::sum));
        } else if (ok) {
            unflaggedRight++;
        }
        double best = e.topics().getFirst().score();
        int bin = Math.min(BINS - 1, (int) (best * BINS));
        binRows[bin]++;
        if (ok) {
            binRight[bin]++;
        }
    }

    public double flaggedShare() {
        return Report.pct(flagged, rows);
    }

    public double unflaggedAccuracy() {
        return Report.pct(unflaggedRight, rows - flagged);
    }

    public double accuracy() {
        return Report.pct(right, rows);
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "topic in acceptable set   %6.1f%%  (%d/%d)%n", accuracy(), right, rows);
        out.printf(Locale.ROOT, "review queue: flagged     %6.1f%%  (%d/%d)%n", flaggedShare(), flagged, rows);
        out.printf(Locale.ROOT, "unflagged accuracy        %6.1f%%  (%d/%d)%n", unflaggedAccuracy(), unflaggedRight,
                rows - flagged);
        out.println("flags by reason (a suggestion may have several): " + reasons);
        out.println("reliability (best score -> share right):");
        for (int b = 0; b < BINS; b++) {
            if (binRows[b] > 0) {
                out.printf(Locale.ROOT, "  %.1f-%.1f  n=%4d  right %5.1f%%%n", b / (double) BINS,
                        (b + 1) / (double) BINS,
                        binRows[b], Report.pct(binRight[b], binRows[b]));
            }
        }
    }

}
