package io.planconsult.tagging.tools.eval;

import io.planconsult.tagging.tools.data.HeldOutSplit;
import io.planconsult.tagging.tools.data.Jsonl;
import io.planconsult.tagging.tools.data.LabelledSuggestion;
import io.planconsult.tagging.dedup.DedupSettings;
import io.planconsult.tagging.dedup.Deduplicator;
import io.planconsult.tagging.dedup.EverydayGate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the dedup thresholds by 5-fold cross-validation on the TRAINING split only (folds by
 * duplicate-cluster root, so a pair never straddles folds): for each fold the setting with the best
 * pooled F1 on the other four is scored on it. Prints the grid (whole training split) and the CV F1.
 * <pre>DedupCrossValidate &lt;jsonl&gt;</pre>
 */
public final class DedupCrossValidate {

    private static final int FOLDS = 5;
    private static final double[] THRESHOLDS = {0.10, 0.12, 0.13, 0.14, 0.15, 0.16, 0.18, 0.20};
    private static final double[] EVERYDAY = {-1, 0.3, 0.4, 0.5, 0.7};

    private DedupCrossValidate() {
    }

    public static void main(String[] args) {
        List<LabelledSuggestion> training = HeldOutSplit.training(Jsonl.read(Path.of(args[0])));
        DedupSettings base = DedupSettings.loadDefault();
        EverydayGate gate = EverydayGate.withDefaults();
        List<List<LabelledSuggestion>> folds = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            folds.add(new ArrayList<>());
        }
        training.forEach(r -> folds.get(Math.floorMod(r.clusterRoot().hashCode() * 31 + 7, FOLDS)).add(r));
        // score[t][e][fold]
        DuplicateScore[][][] score = new DuplicateScore[THRESHOLDS.length][EVERYDAY.length][FOLDS];
        for (int t = 0; t < THRESHOLDS.length; t++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "threshold %.2f", THRESHOLDS[t]));
            for (int e = 0; e < EVERYDAY.length; e++) {
                double everyday = EVERYDAY[e] < 0 ? THRESHOLDS[t] : EVERYDAY[e];
                Deduplicator d = new Deduplicator(base.withThresholds(THRESHOLDS[t], everyday), gate);
                DuplicateScore all = new DuplicateScore(0, 0, 0);
                for (int f = 0; f < FOLDS; f++) {
                    score[t][e][f] = DuplicateScore.measure(folds.get(f), d);
                    all = all.plus(score[t][e][f]);
                }
                line.append(String.format(Locale.ROOT, "  everyday %s: F1 %.3f",
                        EVERYDAY[e] < 0 ? "same" : String.format(Locale.ROOT, "%.1f ", EVERYDAY[e]), all.f1()));
            }
            System.out.println(line);
        }
        DuplicateScore cv = new DuplicateScore(0, 0, 0);
        for (int f = 0; f < FOLDS; f++) {
            int bestT = 0;
            int bestE = 0;
            double bestF1 = -1;
            for (int t = 0; t < THRESHOLDS.length; t++) {
                for (int e = 0; e < EVERYDAY.length; e++) {
                    DuplicateScore rest = new DuplicateScore(0, 0, 0);
                    for (int g = 0; g < FOLDS; g++) {
                        rest = g == f ? rest : rest.plus(score[t][e][g]);
                    }
                    if (rest.f1() > bestF1) {
                        bestF1 = rest.f1();
                        bestT = t;
                        bestE = e;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "fold %d: chose threshold %.2f everyday %s on the other folds%n", f,
                    THRESHOLDS[bestT], EVERYDAY[bestE] < 0 ? "same" : String.valueOf(EVERYDAY[bestE]));
            cv = cv.plus(score[bestT][bestE][f]);
        }
        System.out.printf(Locale.ROOT, "cross-validated duplicate-pair F1 %.3f (P %.3f R %.3f)%n", cv.f1(),
                cv.precision(), cv.recall());
    }
}
