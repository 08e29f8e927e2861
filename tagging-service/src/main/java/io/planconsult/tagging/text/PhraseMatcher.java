package io.planconsult.tagging.text;

import java.util.ArrayList;
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

    private static final int NONE = -1;
    private static final byte NO_PHRASE = -1;
    private static final byte FREE = 0;
    private static final byte BOUNDED_START = 1;
    private static final byte BOUNDED_END = 2;

    /** Trie transitions keyed by (state, char); state 0 is the root. Ints, not boxed chars: this is the hot loop. */
    private final LongIntMap next;
    /** Per state: the phrase ending there, or null, and its value. */
    private final String[] phraseAt;
    /**
     * Per state: {@link #NO_PHRASE}, or which ends of the phrase ending there must lie on a word boundary. The hot
     * loop reads this byte rather than the phrase's String and its chars, two more objects to fetch per state.
     */
    private final byte[] endsAt;
    private final List<T> valueAt = new ArrayList<>();
    /**
     * Bit c is set when some phrase begins with char c: most positions of a text begin none, and one bit in an
     * 8 KiB table is cheaper to read than a probe of the transition table.
     */
    private final long[] firstChars = new long[(Character.MAX_VALUE + 1) / Long.SIZE];
    private final int size;

    private PhraseMatcher(Map<String, T> phrases) {
        this.next = new LongIntMap(phrases.size() * 4);
        List<String> byState = new ArrayList<>();
        byState.add(null);
        valueAt.add(null);
        int count = 0;
        for (Map.Entry<String, T> entry : phrases.entrySet()) {
            String phrase = TextNormalizer.fold(entry.getKey());
            if (phrase.isEmpty()) {
                continue;
            }
            firstChars[phrase.charAt(0) >>> 6] |= 1L << phrase.charAt(0);
            int state = 0;
            for (int i = 0; i < phrase.length(); i++) {
                int child = next.get(key(state, phrase.charAt(i)), NONE);
                if (child == NONE) {
                    child = byState.size();
                    byState.add(null);
                    valueAt.add(null);
                    next.put(key(state, phrase.charAt(i)), child);
                }
                state = child;
            }
            byState.set(state, phrase);
            valueAt.set(state, entry.getValue());
            count++;
        }
        this.phraseAt = byState.toArray(String[]::new);
        this.endsAt = new byte[phraseAt.length];
        for (int state = 0; state < phraseAt.length; state++) {
            endsAt[state] = boundaries(phraseAt[state]);
        }
        this.size = count;
    }

    private static long key(int state, char c) {
        return ((long) state << 16) | c;
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
            char first = folded.charAt(i);
            if ((firstChars[first >>> 6] & (1L << first)) == 0) {
                i++;
                continue;
            }
            int state = 0;
            int best = NONE;
            int bestEnd = -1;
            for (int j = i; j < n; j++) {
                state = next.get(key(state, folded.charAt(j)), NONE);
                if (state == NONE) {
                    break;
                }
                byte ends = endsAt[state];
                if (ends != NO_PHRASE && (ends == FREE || onBoundary(folded, i, j + 1, ends))) {
                    best = state;
                    bestEnd = j + 1;
                }
            }
            if (best != NONE) {
                consumer.accept(new Match<>(phraseAt[best], i, bestEnd, valueAt.get(best)), folded);
                i = bestEnd;
            } else {
                i++;
            }
        }
    }

    /** A phrase that begins or ends with a Latin letter or digit must not run on into one in the text. */
    private static byte boundaries(String phrase) {
        if (phrase == null) {
            return NO_PHRASE;
        }
        int ends = TextNormalizer.isAsciiLetterOrDigit(phrase.charAt(0)) ? BOUNDED_START : FREE;
        return (byte) (TextNormalizer.isAsciiLetterOrDigit(phrase.charAt(phrase.length() - 1))
                ? ends | BOUNDED_END : ends);
    }

    private static boolean onBoundary(String text, int start, int end, byte ends) {
        if ((ends & BOUNDED_START) != 0 && start > 0 && TextNormalizer.isAsciiLetterOrDigit(text.charAt(start - 1))) {
            return false;
        }
        return !((ends & BOUNDED_END) != 0 && end < text.length()
                && TextNormalizer.isAsciiLetterOrDigit(text.charAt(end)));
    }
}
