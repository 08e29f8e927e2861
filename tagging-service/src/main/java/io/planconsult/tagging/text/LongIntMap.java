package io.planconsult.tagging.text;

import java.util.Arrays;

/**
 * Open-addressing map from long keys to int values, without boxing. The hot loops (trie
 * transitions keyed by state and char, model rows keyed by a packed char pair) look keys up
 * hundreds of times per suggestion; {@code HashMap<Character, …>} allocated a box for every Han
 * char. Filled once while building, then only read: safe to share between threads once published
 * through a final field.
 *
 * <p>Most lookups of the hot loops miss (a trie has no child for most chars, a text's bigrams are mostly not
 * features), and a miss in a table of tens of thousands of slots is a cache miss. A filter of eight bits per slot,
 * one set per key, answers most misses from a table an eighth the size, and never says no to a key present.
 */
public final class LongIntMap {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private int[] values;
    private long[] filter;
    private int filterShift;
    private int size;

    public LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(keys, EMPTY);
        // capacity × 8 bits, addressed by the top bits of the key's hash
        filter = new long[capacity / 8];
        filterShift = Long.SIZE - Integer.numberOfTrailingZeros(capacity * 8);
    }

    /** @return the value for {@code key}, or {@code missing} */
    public int get(long key, int missing) {
        int bit = filterBit(key);
        if ((filter[bit >>> 6] & (1L << bit)) == 0) {
            return missing;
        }
        int mask = keys.length - 1;
        for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
            long k = keys[slot];
            if (k == key) {
                return values[slot];
            }
            if (k == EMPTY) {
                return missing;
            }
        }
    }

    public void put(long key, int value) {
        if (key == EMPTY) {
            throw new IllegalArgumentException("reserved key");
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = slot(key, mask);
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (keys[slot] == EMPTY) {
            size++;
        }
        int bit = filterBit(key);
        filter[bit >>> 6] |= 1L << bit;
        keys[slot] = key;
        values[slot] = value;
    }

    public int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldKeys.length * 2);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static long hash(long key) {
        return key * 0x9E3779B97F4A7C15L;
    }

    private static int slot(long key, int mask) {
        long h = hash(key);
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** The key's bit in the filter: the top bits of its hash (the slot uses the low bits). */
    private int filterBit(long key) {
        return (int) (hash(key) >>> filterShift);
    }
}
