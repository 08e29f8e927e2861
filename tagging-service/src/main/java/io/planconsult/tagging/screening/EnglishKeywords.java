package io.planconsult.tagging.screening;

import io.planconsult.tagging.text.JsonResources;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * English keyword evidence per key area (tagging/keywords-en.json), for suggestions written in English.
 * Phrases are matched on whole lower-case words; a trailing plural "s" is ignored, so "parking lots" and
 * "factories" need no second entry where the list has the singular.
 */
public final class EnglishKeywords {

    /** The data file's shape. */
    public record File(String version, String description, Map<String, Map<String, Double>> areas) {
    }

    private static final int LONGEST_PHRASE = 4;

    private final List<String> codes;
    private final Map<String, double[]> phrases = new HashMap<>();
    private final String version;

    public EnglishKeywords(File file, List<String> codes) {
        this.codes = List.copyOf(codes);
        this.version = file.version();
        file.areas().forEach((code, words) -> {
            int area = codes.indexOf(code);
            if (area < 0) {
                throw new IllegalArgumentException("English keywords name unknown area " + code);
            }
            words.forEach((phrase, weight) -> phrases.computeIfAbsent(phrase.toLowerCase(Locale.ROOT),
                    p -> new double[codes.size()])[area] += weight);
        });
    }

    public static EnglishKeywords loadDefault(List<String> codes) {
        return new EnglishKeywords(JsonResources.read("tagging/keywords-en.json", File.class), codes);
    }

    public String version() {
        return version;
    }

    /** Weight sums per area, indexed like the taxonomy's codes. */
    public double[] score(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^a-z0-9-]+");
        double[] sums = new double[codes.size()];
        for (int i = 0; i < words.length; i++) {
            StringBuilder phrase = new StringBuilder();
            for (int len = 1; len <= LONGEST_PHRASE && i + len <= words.length; len++) {
                if (len > 1) {
                    phrase.append(' ');
                }
                phrase.append(words[i + len - 1]);
                add(sums, phrase.toString());
            }
        }
        return sums;
    }

    private void add(double[] sums, String phrase) {
        double[] weights = phrases.get(phrase);
        if (weights == null && phrase.length() > 3 && phrase.endsWith("s")) {
            weights = phrases.get(phrase.substring(0, phrase.length() - 1));
        }
        if (weights != null) {
            for (int a = 0; a < sums.length; a++) {
                sums[a] += weights[a];
            }
        }
    }
}
