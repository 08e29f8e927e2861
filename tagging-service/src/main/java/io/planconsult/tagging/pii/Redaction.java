package io.planconsult.tagging.pii;

import io.planconsult.tagging.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * What may be published of one text: the redacted text after the {@link ResidualGuard}, and the
 * segmenter's words that lie wholly in it, for keywords. A word that overlaps personal data (王建华,
 * 人王, 1385…) never reaches a keyword, and when the guard had to mask something, only words the
 * guarded text still contains are kept.
 *
 * @param text     the redacted, guarded text
 * @param words    the words keywords may be taken from, in text order
 * @param residual the guard masked something the detectors missed: the event needs review
 */
public record Redaction(String text, List<String> words, boolean residual) {

    public Redaction {
        words = List.copyOf(words);
    }

    /**
     * @param original what the citizen typed
     * @param folded   {@link TextNormalizer#fold} of it (the segmenter's input)
     * @param spans    personal data found in it, non-overlapping, sorted by start
     * @param words    the segmenter's words of {@code folded}, in text order
     */
    public static Redaction of(String original, String folded, List<PiiSpan> spans, List<String> words) {
        ResidualGuard.Result guarded = ResidualGuard.guard(Redactor.redact(original, spans));
        List<String> kept = spans.isEmpty() ? words : outside(folded, spans, words);
        if (guarded.masked()) {
            String publishedFolded = TextNormalizer.fold(guarded.text());
            kept = kept.stream().filter(publishedFolded::contains).toList();
        }
        return new Redaction(guarded.text(), kept, guarded.masked());
    }

    /** The words that overlap no span; a word not found where expected is dropped, to be safe. */
    static List<String> outside(String folded, List<PiiSpan> spans, List<String> words) {
        List<String> kept = new ArrayList<>(words.size());
        int cursor = 0;
        int span = 0;
        for (String word : words) {
            int at = folded.indexOf(word, cursor);
            if (at < 0) {
                continue;
            }
            int end = at + word.length();
            cursor = end;
            while (span < spans.size() && spans.get(span).end() <= at) {
                span++;
            }
            if (span >= spans.size() || spans.get(span).start() >= end) {
                kept.add(word);
            }
        }
        return kept;
    }
}
