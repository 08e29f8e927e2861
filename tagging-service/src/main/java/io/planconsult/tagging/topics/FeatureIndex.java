package io.planconsult.tagging.topics;

import io.planconsult.tagging.text.LongIntMap;
import io.planconsult.tagging.text.TextNormalizer;
import io.planconsult.tagging.text.WordTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Serving-side twin of {@link TopicFeatures}: maps a text straight to the model's row numbers
 * without building the "w:…"/"c:…" strings. Char bigrams and trigrams are packed into one long each
 * (a trigram's key carries a marker bit, so the two never collide), words are looked up as the
 * segmenter returned them. {@code TopicFeaturesTest} proves both give the same feature set,
 * so the model file (string keys, readable, reproducible) does not change. Immutable, thread-safe.
 */
public final class FeatureIndex {

    private static final int MISSING = -1;

    private final WordTable words;
    /** Row of each word in {@link #words}. */
    private final int[] wordRows;
    private final LongIntMap ngramRows;

    /** @param features the model's feature names; a feature's row is its position in this list */
    public FeatureIndex(List<String> features) {
        ngramRows = new LongIntMap(features.size());
        List<String> wordList = new ArrayList<>();
        List<Integer> rowList = new ArrayList<>();
        for (int row = 0; row < features.size(); row++) {
            String f = features.get(row);
            if (f.startsWith(TopicFeatures.WORD)) {
                wordList.add(f.substring(TopicFeatures.WORD.length()));
                rowList.add(row);
            } else if (isNgram(f)) {
                ngramRows.put(ngramKey(f), row);
            }
        }
        words = new WordTable(wordList);
        wordRows = rowList.stream().mapToInt(Integer::intValue).toArray();
    }

    private int wordRow(String word) {
        int id = words.id(word);
        return id < 0 ? MISSING : wordRows[id];
    }

    private static boolean isNgram(String feature) {
        int length = feature.length() - TopicFeatures.NGRAM.length();
        return feature.startsWith(TopicFeatures.NGRAM) && (length == 2 || length == 3);
    }

    private static long ngramKey(String feature) {
        int at = TopicFeatures.NGRAM.length();
        long pair = pack(feature.charAt(at), feature.charAt(at + 1));
        return feature.length() == at + 2 ? pair : pack(pair, feature.charAt(at + 2));
    }

    /** The row of one feature name ("w:算力", "c:算力", "c:算力券"), or -1 when the model does not know it. */
    public int row(String feature) {
        if (feature.startsWith(TopicFeatures.WORD)) {
            return wordRow(feature.substring(TopicFeatures.WORD.length()));
        }
        return isNgram(feature) ? ngramRows.get(ngramKey(feature), MISSING) : MISSING;
    }

    /** Distinct rows of the features present in the text, ascending; unknown features are skipped. */
    public int[] rows(String text, List<String> tokens) {
        String folded = TextNormalizer.fold(text);
        int[] rows = new int[tokens.size() + 2 * folded.length()];
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
                long pair = pack(a, b);
                int row = ngramRows.get(pair, MISSING);
                if (row != MISSING) {
                    rows[n++] = row;
                }
                if (i + 2 < folded.length() && TextNormalizer.isCjk(folded.charAt(i + 2))) {
                    row = ngramRows.get(pack(pair, folded.charAt(i + 2)), MISSING);
                    if (row != MISSING) {
                        rows[n++] = row;
                    }
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

    private static long pack(char a, char b) {
        return ((long) a << 16) | b;
    }

    /** A pair's 32 bits, the third char's 16, and bit 48 so no trigram key equals a pair's. */
    private static long pack(long pair, char c) {
        return (1L << 48) | (pair << 16) | c;
    }
}
