package io.planconsult.tagging.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Finds dictionary phrases in a text, longest match first, without overlaps.
 * Longest match is what lets a data file say "钱塘江 is the river" and have it win over "钱塘".
 * Phrases that begin or end with a Latin letter or digit only match on word boundaries,
 * so "ai" is not found inside "said". Immutable after construction, hence thread-safe.
 *
 * @param <T> what a phrase stands for
 */
public final class PhraseMatcher<T> {

    /** One occurrence of a phrase in a text. */
    public record Match<T>(String phrase, int start, int end, T value) {
    }

    private static final class Node<T> {
        final Map<Character, Node<T>> next = new HashMap<>();
        String phrase;
        T value;
    }

    private final Node<T> root = new Node<>();
    private final int size;

    private PhraseMatcher(Map<String, T> phrases) {
        int count = 0;
        for (Map.Entry<String, T> entry : phrases.entrySet()) {
            String phrase = TextNormalizer.fold(entry.getKey());
            if (phrase.isEmpty()) {
                continue;
            }
            Node<T> node = root;
            for (char c : phrase.toCharArray()) {
                node = node.next.computeIfAbsent(c, k -> new Node<>());
            }
            node.phrase = phrase;
            node.value = entry.getValue();
            count++;
        }
        this.size = count;
    }

    /** Phrases are folded with {@link TextNormalizer#fold}; search folded text. */
    public static <T> PhraseMatcher<T> of(Map<String, T> phrases) {
        return new PhraseMatcher<>(phrases);
    }

    public int size() {
        return size;
    }

    /** Scans {@code folded} (already passed through {@link TextNormalizer#fold}). */
    public List<Match<T>> findAll(String folded) {
        List<Match<T>> matches = new ArrayList<>();
        forEach(folded, (m, ignored) -> matches.add(m));
        return matches;
    }

    public void forEach(String folded, BiConsumer<Match<T>, String> consumer) {
        int i = 0;
        int n = folded.length();
        while (i < n) {
            Node<T> node = root;
            Node<T> best = null;
            int bestEnd = -1;
            for (int j = i; j < n; j++) {
                node = node.next.get(folded.charAt(j));
                if (node == null) {
                    break;
                }
                if (node.phrase != null && onBoundary(folded, i, j + 1, node.phrase)) {
                    best = node;
                    bestEnd = j + 1;
                }
            }
            if (best != null) {
                consumer.accept(new Match<>(best.phrase, i, bestEnd, best.value), folded);
                i = bestEnd;
            } else {
                i++;
            }
        }
    }

    private static boolean onBoundary(String text, int start, int end, String phrase) {
        if (TextNormalizer.isAsciiLetterOrDigit(phrase.charAt(0)) && start > 0
                && TextNormalizer.isAsciiLetterOrDigit(text.charAt(start - 1))) {
            return false;
        }
        return !(TextNormalizer.isAsciiLetterOrDigit(phrase.charAt(phrase.length() - 1)) && end < text.length()
                && TextNormalizer.isAsciiLetterOrDigit(text.charAt(end)));
    }
}
