package io.planconsult.tagging.topics;

import io.planconsult.tagging.text.LongIntMap;
import io.planconsult.tagging.text.TextNormalizer;
import io.planconsult.tagging.text.WordTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Serving-side twin of {@link TopicFeatures}: maps a text straight to the model's row numbers
 * without building the "w:…"/"c:…" strings. Char bigrams are packed into one long, words are looked
 * up as the segmenter returned them. {@code TopicFeaturesTest} proves both give the same feature set,
 * so the model file (string keys, readable, reproducible) does not change. Immutable, thread-safe.
 */
public final class FeatureIndex {

    private static final int MISSING = -1;

    private final WordTable words;
    /** Row of each word in {@link #words}. */
    private final int[] wordRows;
    /** Sized for the bigrams alone: half the slots, half the cache lines a text's lookups touch. */
    private final LongIntMap bigramRows;

    /** @param features the model's feature names; a feature's row is its position in this list */
    public FeatureIndex(List<String> features) {
        bigramRows = new LongIntMap((int) features.stream().filter(FeatureIndex::isBigram).count());
        List<String> wordList = new ArrayList<>();
        List<Integer> rowList = new ArrayList<>();
        for (int row = 0; row < features.size(); row++) {
            String f = features.get(row);
            if (f.startsWith(TopicFeatures.WORD)) {
                wordList.add(f.substring(TopicFeatures.WORD.length()));
                rowList.add(row);
            } else if (isBigram(f)) {
                int at = TopicFeatures.NGRAM.length();
                bigramRows.put(pack(f.charAt(at), f.charAt(at + 1)), row);
            }
        }
        words = new WordTable(wordList);
        wordRows = rowList.stream().mapToInt(Integer::intValue).toArray();
    }

    private int wordRow(String word) {
        int id = words.id(word);
        return id < 0 ? MISSING : wordRows[id];
    }

    /** The row of one feature name ("w:算力", "c:算力"), or -1 when the model does not know it. */
    public int row(String feature) {
        if (feature.startsWith(TopicFeatures.WORD)) {
            return wordRow(feature.substring(TopicFeatures.WORD.length()));
        }
        int at = TopicFeatures.NGRAM.length();
        if (feature.startsWith(TopicFeatures.NGRAM) && feature.length() == at + 2) {
            return bigramRows.get(pack(feature.charAt(at), feature.charAt(at + 1)), MISSING);
        }
        return MISSING;
    }

    /** Distinct rows of the features present in the text, ascending; unknown features are skipped. */
    public int[] rows(String text, List<String> tokens) {
        String folded = TextNormalizer.fold(text);
        int[] rows = new int[tokens.size() + folded.length()];
        int n = 0;
        for (String t : tokens) {
            if (TopicFeatures.isWordFeature(t)) {
                int row = wordRow(t);
                if (row != MISSING) {
                    rows[n++] = row;
                }
            }
        }
        for (int i = 0; i + 1 < folded.length(); i++) {
            char a = folded.charAt(i);
            char b = folded.charAt(i + 1);
            if (TextNormalizer.isCjk(a) && TextNormalizer.isCjk(b)) {
                int row = bigramRows.get(pack(a, b), MISSING);
                if (row != MISSING) {
                    rows[n++] = row;
                }
            }
        }
        Arrays.sort(rows, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || rows[distinct - 1] != rows[i]) {
                rows[distinct++] = rows[i];
            }
        }
        return Arrays.copyOf(rows, distinct);
    }

    private static boolean isBigram(String feature) {
        return feature.startsWith(TopicFeatures.NGRAM) && feature.length() == TopicFeatures.NGRAM.length() + 2;
    }

    private static long pack(char a, char b) {
        return ((long) a << 16) | b;
    }
}
