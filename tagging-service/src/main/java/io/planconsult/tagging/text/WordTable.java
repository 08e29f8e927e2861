package io.planconsult.tagging.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers a fixed vocabulary: word → its index in the construction list, or -1. A lookup is one
 * probe of a flat long-keyed table (the word's 64-bit hash) plus one string comparison on a hit,
 * instead of a {@code HashMap} walk through entry, key and array objects: the model's ~10k words
 * no longer cost several cache misses per token. The comparison keeps the answer exact even if
 * two words' hashes collide (the later one is then looked up by scan, see {@link #id}).
 * Immutable after construction.
 */
public final class WordTable {

    private static final int MISSING = -1;

    private final LongIntMap byHash;
    private final String[] words;
    /** Words whose hash an earlier word already took; practically always empty. */
    private final Map<String, Integer> collided = new HashMap<>();

    public WordTable(List<String> words) {
        this.words = words.toArray(String[]::new);
        this.byHash = new LongIntMap(words.size());
        for (int i = 0; i < this.words.length; i++) {
            long h = hash(this.words[i]);
            int taken = byHash.get(h, MISSING);
            if (taken == MISSING) {
                byHash.put(h, i);
            } else if (!this.words[taken].equals(this.words[i])) {
                collided.putIfAbsent(this.words[i], i);
            }
        }
    }

    public int id(String word) {
        int i = byHash.get(hash(word), MISSING);
        if (i != MISSING && words[i].equals(word)) {
            return i;
        }
        return collided.isEmpty() ? MISSING : collided.getOrDefault(word, MISSING);
    }

    public int size() {
        return words.length;
    }

    static long hash(String s) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001B3L;
        }
        return h == Long.MIN_VALUE ? 0 : h;
    }
}
