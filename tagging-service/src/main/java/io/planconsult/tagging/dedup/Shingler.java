package io.planconsult.tagging.dedup;

import io.planconsult.tagging.text.TextNormalizer;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns a text into the set of pieces two near-duplicates share: Han character bigrams and English
 * content words. English gets words rather than letter bigrams, because any two English texts share
 * "th", "in", "er"… and would all look alike. Boilerplate bigrams (建议, 希望, 杭州…) are dropped
 * for the same reason.
 */
public final class Shingler {

    private final Set<String> stopShingles;
    private final Set<String> englishStopWords;

    public Shingler(DedupSettings settings) {
        this.stopShingles = Set.copyOf(settings.stopShingles());
        this.englishStopWords = Set.copyOf(settings.englishStopWords());
    }

    public Set<String> shingles(String text) {
        String folded = TextNormalizer.fold(text);
        Set<String> out = new HashSet<>();
        StringBuilder han = new StringBuilder(folded.length());
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= folded.length(); i++) {
            char c = i < folded.length() ? folded.charAt(i) : ' ';
            if ((c >= 'a' && c <= 'z') || c == '\'' || (c == '-' && !word.isEmpty())) {
                word.append(c);
                continue;
            }
            addWord(word, out);
            if (TextNormalizer.isCjk(c) || (c >= '0' && c <= '9')) {
                han.append(c);
            }
        }
        for (int i = 0; i + 1 < han.length(); i++) {
            String bigram = han.substring(i, i + 2);
            if (!stopShingles.contains(bigram)) {
                out.add(bigram);
            }
        }
        return out;
    }

    private void addWord(StringBuilder word, Set<String> out) {
        if (word.length() >= 3 && !englishStopWords.contains(word.toString())) {
            out.add(word.toString());
        }
        word.setLength(0);
    }
}
