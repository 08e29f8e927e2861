package io.planconsult.tagging.eval;

import io.planconsult.tagging.data.LabelledSuggestion;
import java.io.PrintStream;
import java.util.List;

/** Duplicate-pair precision/recall/F1 (filled in once the dedup milestone lands). */
record DuplicateScore(int truePairs, int predictedPairs, int correctPairs) {

    static final DuplicateScore EMPTY = new DuplicateScore(0, 0, 0);

    static DuplicateScore measure(List<LabelledSuggestion> rows) {
        return EMPTY;
    }

    void print(PrintStream out) {
        out.println("duplicate pairs           (not measured yet)");
    }
}
