package io.planconsult.tagging.topics;

import io.planconsult.tagging.text.JsonResources;
import io.planconsult.tagging.text.TextNormalizer;
import io.planconsult.tagging.text.WordTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Picks a suggestion's salient words: tf-idf over the segmenter's words, with taxonomy keywords
 * boosted because analysts search by them. Stop words and consultation boilerplate (建议、加强、
 * 十五五…) come from tagging/stopwords.txt.
 *
 * <p>Every word the extractor knows anything about (stop word, taxonomy keyword, or a word with a
 * training document frequency) sits in one table with its kind and weight, so a token costs one
 * lookup; candidates are ranked in flat arrays rather than a map of boxed scores.
 */
public final class KeywordExtractor {

    public static final String STOPWORDS_RESOURCE = "tagging/stopwords.txt";
    private static final double TAXONOMY_BOOST = 1.5;

    private static final byte PLAIN = 0;
    private static final byte STOP = 1;
    private static final byte TAXONOMY = 2;

    private final WordTable vocabulary;
    private final byte[] kinds;
    /** idf × boost of each vocabulary word; stop words' entries are never read. */
    private final double[] weights;
    private final double unseenWeight;
    private final int limit;

    /**
     * @param idf        inverse document frequency of the words the training corpus holds
     * @param unseenIdf  idf of any other word (it is rare, so it weighs most)
     */
    public KeywordExtractor(Set<String> stopWords, Taxonomy taxonomy, Map<String, Double> idf, double unseenIdf,
            int limit) {
        Map<String, Byte> kindOf = new TreeMap<>();
        idf.keySet().forEach(w -> kindOf.put(w, PLAIN));
        taxonomy.areas().forEach(a -> a.keywords().keySet().forEach(w -> kindOf.put(w, TAXONOMY)));
        stopWords.forEach(w -> kindOf.put(w, STOP)); // a stop word stays one even if an area lists it
        this.vocabulary = new WordTable(List.copyOf(kindOf.keySet()));
        this.kinds = new byte[kindOf.size()];
        this.weights = new double[kindOf.size()];
        int i = 0;
        for (Map.Entry<String, Byte> e : kindOf.entrySet()) {
            kinds[i] = e.getValue();
            weights[i] = idf.getOrDefault(e.getKey(), unseenIdf) * (e.getValue() == TAXONOMY ? TAXONOMY_BOOST : 1.0);
            i++;
        }
        this.unseenWeight = unseenIdf;
        this.limit = limit;
    }

    public static Set<String> loadStopWords() {
        Set<String> words = new HashSet<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(JsonResources.open(STOPWORDS_RESOURCE), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.startsWith("#")) {
                    words.addAll(List.of(line.trim().split("\\s+")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        words.remove("");
        return words;
    }

    /** @param excluded substrings of the text that must not leak into keywords (personal data) */
    public List<String> extract(List<String> tokens, List<String> excluded) {
        String[] words = new String[tokens.size()];
        int[] hashes = new int[tokens.size()];
        double[] scores = new double[tokens.size()];
        int count = 0;
        for (String token : tokens) {
            if (token.length() < 2) {
                continue;
            }
            int id = vocabulary.id(token);
            byte kind = id < 0 ? PLAIN : kinds[id];
            if (!isCandidate(token, kind) || insideAny(excluded, token)) {
                continue;
            }
            double weight = id < 0 ? unseenWeight : weights[id];
            int hash = token.hashCode();
            int at = indexOf(words, hashes, count, token, hash);
            if (at < 0) {
                words[count] = token;
                hashes[count] = hash;
                scores[count++] = weight;
            } else {
                scores[at] += weight;
            }
        }
        return top(words, scores, count);
    }

    /** Hashes side by side, so the scan reads one array instead of every candidate's String. */
    private static int indexOf(String[] words, int[] hashes, int count, String token, int hash) {
        for (int i = 0; i < count; i++) {
            if (hashes[i] == hash && words[i].equals(token)) {
                return i;
            }
        }
        return -1;
    }

    /** The best {@code limit} by score; ties keep first-occurrence order, so the output is deterministic. */
    private List<String> top(String[] words, double[] scores, int count) {
        List<String> best = new ArrayList<>(Math.min(limit, count));
        boolean[] taken = new boolean[count];
        while (best.size() < limit && best.size() < count) {
            int pick = -1;
            for (int i = 0; i < count; i++) {
                if (!taken[i] && (pick < 0 || scores[i] > scores[pick])) {
                    pick = i;
                }
            }
            taken[pick] = true;
            best.add(words[pick]);
        }
        return best;
    }

    private static boolean insideAny(List<String> excluded, String token) {
        for (String p : excluded) {
            if (p.contains(token)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCandidate(String token, byte kind) {
        if (token.length() < 2 || kind == STOP) {
            return false;
        }
        // Any Han char makes a candidate: most tokens are decided by their first char.
        boolean hasLetter = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (TextNormalizer.isCjk(c)) {
                return true;
            }
            hasLetter = hasLetter || Character.isLetter(c);
        }
        return (hasLetter && token.length() >= 3) || kind == TAXONOMY;
    }
}
