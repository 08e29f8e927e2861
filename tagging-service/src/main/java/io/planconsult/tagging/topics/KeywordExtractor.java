package io.planconsult.tagging.topics;

import io.planconsult.tagging.text.JsonResources;
import io.planconsult.tagging.text.TextNormalizer;
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
import java.util.function.ToDoubleFunction;

/**
 * Picks a suggestion's salient words: tf-idf over the segmenter's words, with taxonomy keywords
 * boosted because analysts search by them. Stop words and consultation boilerplate (建议、加强、
 * 十五五…) come from tagging/stopwords.txt.
 */
public final class KeywordExtractor {

    public static final String STOPWORDS_RESOURCE = "tagging/stopwords.txt";
    private static final double TAXONOMY_BOOST = 1.5;

    private final Set<String> stopWords;
    private final Set<String> taxonomyWords;
    private final ToDoubleFunction<String> idf;
    private final int limit;

    public KeywordExtractor(Set<String> stopWords, Taxonomy taxonomy, ToDoubleFunction<String> idf, int limit) {
        this.stopWords = Set.copyOf(stopWords);
        Set<String> words = new HashSet<>();
        taxonomy.areas().forEach(a -> words.addAll(a.keywords().keySet()));
        this.taxonomyWords = Set.copyOf(words);
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
            if (isCandidate(token) && excluded.stream().noneMatch(p -> p.contains(token))) {
                double weight = idf.applyAsDouble(token) * (taxonomyWords.contains(token) ? TAXONOMY_BOOST : 1.0);
                scores.merge(token, weight, Double::sum);
            }
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(scores.entrySet());
        // Stable sort keeps first-occurrence order among equal scores: deterministic output.
        ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        return ranked.stream().limit(limit).map(Map.Entry::getKey).toList();
    }

    private boolean isCandidate(String token) {
        if (token.length() < 2 || stopWords.contains(token)) {
            return false;
        }
        boolean hasHan = false;
        boolean hasLetter = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            hasHan |= TextNormalizer.isCjk(c);
            hasLetter |= Character.isLetter(c);
        }
        return hasHan || (hasLetter && token.length() >= 3) || taxonomyWords.contains(token);
    }
}
