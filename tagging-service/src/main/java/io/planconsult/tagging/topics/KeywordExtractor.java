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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Picks a suggestion's salient words: tf-idf over the segmenter's words, with taxonomy keywords
 * boosted because analysts search by them. Stop words and consultation boilerplate (建议、加强、
 * 十五五…) come from tagging/stopwords.txt.
 */
public final class KeywordExtractor {

    public static final String STOPWORDS_RESOURCE = "tagging/stopwords.txt";
    private static final double TAXONOMY_BOOST = 1.5;

    private static final byte PLAIN = 0;
    private static final byte STOP = 1;
    private static final byte TAXONOMY = 2;

    /** Stop words and taxonomy words in one table, so a token costs one lookup, not three. */
    private final WordTable vocabulary;
    private final byte[] kinds;
    private final ToDoubleFunction<String> idf;
    private final int limit;

    public KeywordExtractor(Set<String> stopWords, Taxonomy taxonomy, ToDoubleFunction<String> idf, int limit) {
        Map<String, Byte> kindOf = new TreeMap<>();
        taxonomy.areas().forEach(a -> a.keywords().keySet().forEach(w -> kindOf.put(w, TAXONOMY)));
        stopWords.forEach(w -> kindOf.put(w, STOP)); // a stop word stays one even if an area lists it
        this.vocabulary = new WordTable(List.copyOf(kindOf.keySet()));
        this.kinds = new byte[kindOf.size()];
        int i = 0;
        for (byte kind : kindOf.values()) {
            kinds[i++] = kind;
        }
        this.idf = idf;
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
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String token : tokens) {
            if (token.length() < 2) {
                continue;
            }
            byte kind = kindOf(token);
            if (isCandidate(token, kind) && !insideAny(excluded, token)) {
                double weight = idf.applyAsDouble(token) * (kind == TAXONOMY ? TAXONOMY_BOOST : 1.0);
                scores.merge(token, weight, Double::sum);
            }
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(scores.entrySet());
        // Stable sort keeps first-occurrence order among equal scores: deterministic output.
        ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        return ranked.stream().limit(limit).map(Map.Entry::getKey).toList();
    }

    private static boolean insideAny(List<String> excluded, String token) {
        for (String p : excluded) {
            if (p.contains(token)) {
                return true;
            }
        }
        return false;
    }

    private byte kindOf(String token) {
        int id = vocabulary.id(token);
        return id < 0 ? PLAIN : kinds[id];
    }

    private static boolean isCandidate(String token, byte kind) {
        if (token.length() < 2 || kind == STOP) {
            return false;
        }
        boolean hasHan = false;
        boolean hasLetter = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            hasHan |= TextNormalizer.isCjk(c);
            hasLetter |= Character.isLetter(c);
        }
        return hasHan || (hasLetter && token.length() >= 3) || kind == TAXONOMY;
    }
}
