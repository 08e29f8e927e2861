package io.planconsult.tagging.tools.eval;

import io.planconsult.tagging.tools.data.LabelledSuggestion;
import io.planconsult.tagging.pipeline.Enrichment;
import io.planconsult.tagging.pii.PiiSpan;
import io.planconsult.tagging.pipeline.TaggingEngine;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Accumulates the evaluation figures and prints them. */
public final class Report {

    private final List<String> codes;
    private final int[][] confusion;
    private int rows;
    private int topicCorrect;
    private final ReviewQueue queue = new ReviewQueue();
    private int districtCorrect;
    private int piiLabels;
    private int piiFound;
    private int piiSpans;
    private int piiSpansCorrect;
    private DuplicateScore duplicates = new DuplicateScore(0, 0, 0);

    Report(List<String> codes) {
        this.codes = List.copyOf(codes);
        this.confusion = new int[codes.size()][codes.size()];
    }

    void topic(LabelledSuggestion row, Enrichment e) {
        rows++;
        int gold = codes.indexOf(row.primaryTopic());
        int got = codes.indexOf(e.primaryTopic());
        if (gold >= 0 && got >= 0) {
            confusion[gold][got]++;
        }
        if (gold == got) {
            topicCorrect++;
        }
        queue.add(row, e);
    }

    void district(boolean correct) {
        if (correct) {
            districtCorrect++;
        }
    }

    /** @return the labelled strings the engine failed to cover */
    List<String> pii(LabelledSuggestion row, Enrichment e) {
        List<String> missed = new ArrayList<>();
        for (String value : row.pii()) {
            piiLabels++;
            if (covered(row.text(), value, e.pii())) {
                piiFound++;
            } else {
                missed.add(value);
            }
        }
        for (PiiSpan span : e.pii()) {
            piiSpans++;
            if (overlapsLabel(row, span)) {
                piiSpansCorrect++;
            }
        }
        return missed;
    }

    List<String> falsePositives(LabelledSuggestion row, Enrichment e) {
        return e.pii().stream().filter(s -> !overlapsLabel(row, s))
                .map(s -> s.type() + ":" + row.text().substring(s.start(), s.end())).toList();
    }

    void duplicates(TaggingEngine engine, List<LabelledSuggestion> rows) {
        this.duplicates = DuplicateScore.measure(rows);
    }

    /** Every occurrence of the labelled string must be inside one redaction span. */
    static boolean covered(String text, String value, List<PiiSpan> spans) {
        int from = text.indexOf(value);
        if (from < 0) {
            return true;
        }
        while (from >= 0) {
            int start = from;
            int end = from + value.length();
            if (spans.stream().noneMatch(s -> s.start() <= start && s.end() >= end)) {
                return false;
            }
            from = text.indexOf(value, from + 1);
        }
        return true;
    }

    private static boolean overlapsLabel(LabelledSuggestion row, PiiSpan span) {
        for (String value : row.pii()) {
            for (int i = row.text().indexOf(value); i >= 0; i = row.text().indexOf(value, i + 1)) {
                if (i < span.end() && span.start() < i + value.length()) {
                    return true;
                }
            }
        }
        return false;
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "topic top-1 accuracy      %6.1f%%  (%d/%d)%n", pct(topicCorrect, rows), topicCorrect,
                rows);
        queue.print(out);
        printTopics(out);
        out.printf(Locale.ROOT, "district accuracy         %6.1f%%  (%d/%d)%n", pct(districtCorrect, rows),
                districtCorrect, rows);
        out.printf(Locale.ROOT, "PII recall                %6.1f%%  (%d/%d labelled strings covered)%n",
                pct(piiFound, piiLabels), piiFound, piiLabels);
        out.printf(Locale.ROOT, "PII precision             %6.1f%%  (%d/%d spans overlap a label)%n",
                pct(piiSpansCorrect, piiSpans), piiSpansCorrect, piiSpans);
        duplicates.print(out);
    }

    /** Per-area precision, recall and F1 of the primary topic, and the confusion matrix. */
    void printTopics(PrintStream out) {
        double macro = 0;
        out.println("per-area precision / recall / F1:");
        for (int c = 0; c < codes.size(); c++) {
            int tp = confusion[c][c];
            int predicted = 0;
            int actual = 0;
            for (int k = 0; k < codes.size(); k++) {
                predicted += confusion[k][c];
                actual += confusion[c][k];
            }
            double p = predicted == 0 ? 0 : (double) tp / predicted;
            double r = actual == 0 ? 0 : (double) tp / actual;
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            macro += f1;
            out.printf(Locale.ROOT, "  %-12s P=%.2f R=%.2f F1=%.2f (n=%d)%n", codes.get(c), p, r, f1, actual);
        }
        out.printf(Locale.ROOT, "topic macro-F1            %6.3f%n", macro / codes.size());
        printConfusion(out);
    }

    private void printConfusion(PrintStream out) {
        out.println("confusion (rows = gold primary, columns = predicted):");
        StringBuilder header = new StringBuilder(String.format("%-12s", ""));
        codes.forEach(c -> header.append(String.format("%5.5s", c)));
        out.println(header);
        for (int g = 0; g < codes.size(); g++) {
            StringBuilder line = new StringBuilder(String.format("%-12s", codes.get(g)));
            for (int p = 0; p < codes.size(); p++) {
                line.append(String.format("%5d", confusion[g][p]));
            }
            out.println(line);
        }
    }

    static double pct(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
