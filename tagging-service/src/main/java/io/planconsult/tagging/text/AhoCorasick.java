package io.planconsult.tagging.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds every occurrence of every phrase in one left-to-right pass (Aho–Corasick). Detectors that
 * used to call {@code startsWith} for each word list at each candidate position now mark all
 * positions at once: the cost no longer grows with the length of the word lists. Phrases are
 * matched as given (callers fold them if they search folded text). Immutable after construction.
 */
public final class AhoCorasick {

    /** Receives one occurrence: the phrase's index in the construction list and its span. */
    @FunctionalInterface
    public interface Sink {
        void match(int phrase, int start, int end);
    }

    private static final int NONE = -1;
    private static final int[] NO_OUTPUT = new int[0];

    private final LongIntMap transitions;
    private final int[] failure;
    private final int[][] outputs;
    private final int[] lengths;
    /**
     * Bit c is set when some phrase begins with char c. From the root, any other char leads back to the root and
     * reports nothing: most chars of a text are such, and one bit is cheaper to read than a transition probe.
     */
    private final long[] firstChars = new long[(Character.MAX_VALUE + 1) / Long.SIZE];

    public AhoCorasick(List<String> phrases) {
        this.lengths = phrases.stream().mapToInt(String::length).toArray();
        LongIntMap gotoMap = new LongIntMap(phrases.stream().mapToInt(String::length).sum() + 1);
        List<List<Integer>> out = new ArrayList<>();
        out.add(new ArrayList<>());
        for (int p = 0; p < phrases.size(); p++) {
            String phrase = phrases.get(p);
            if (phrase.isEmpty()) {
                continue;
            }
            firstChars[phrase.charAt(0) >>> 6] |= 1L << phrase.charAt(0);
            int state = 0;
            for (int i = 0; i < phrase.length(); i++) {
                int next = gotoMap.get(key(state, phrase.charAt(i)), NONE);
                if (next == NONE) {
                    next = out.size();
                    out.add(new ArrayList<>());
                    gotoMap.put(key(state, phrase.charAt(i)), next);
                }
                state = next;
            }
            out.get(state).add(p);
        }
        this.transitions = gotoMap;
        this.failure = new int[out.size()];
        this.outputs = new int[out.size()][];
        linkFailures(phrases, out);
    }

    /** Breadth first, so a state's failure target is final before its children need it. */
    private void linkFailures(List<String> phrases, List<List<Integer>> out) {
        List<List<long[]>> children = childrenByState(phrases, out.size());
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        outputs[0] = NO_OUTPUT;
        for (long[] child : children.get(0)) {
            failure[(int) child[1]] = 0;
            queue.add((int) child[1]);
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            List<Integer> own = new ArrayList<>(out.get(state));
            for (int inherited : outputs[failure[state]]) {
                own.add(inherited);
            }
            outputs[state] = own.isEmpty() ? NO_OUTPUT : own.stream().mapToInt(Integer::intValue).toArray();
            for (long[] child : children.get(state)) {
                char c = (char) child[0];
                int target = (int) child[1];
                int f = failure[state];
                while (f != 0 && transitions.get(key(f, c), NONE) == NONE) {
                    f = failure[f];
                }
                int next = transitions.get(key(f, c), NONE);
                failure[target] = next == NONE || next == target ? 0 : next;
                queue.add(target);
            }
        }
    }

    private List<List<long[]>> childrenByState(List<String> phrases, int states) {
        List<List<long[]>> children = new ArrayList<>(states);
        for (int s = 0; s < states; s++) {
            children.add(new ArrayList<>());
        }
        boolean[] seen = new boolean[states];
        for (String phrase : phrases) {
            int state = 0;
            for (int i = 0; i < phrase.length(); i++) {
                int next = transitions.get(key(state, phrase.charAt(i)), NONE);
                if (!seen[next]) {
                    seen[next] = true;
                    children.get(state).add(new long[] {phrase.charAt(i), next});
                }
                state = next;
            }
        }
        return children;
    }

    public void scan(CharSequence text, Sink sink) {
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (state == 0 && (firstChars[c >>> 6] & (1L << c)) == 0) {
                continue;
            }
            int next = transitions.get(key(state, c), NONE);
            while (next == NONE && state != 0) {
                state = failure[state];
                next = transitions.get(key(state, c), NONE);
            }
            state = next == NONE ? 0 : next;
            for (int p : outputs[state]) {
                sink.match(p, i + 1 - lengths[p], i + 1);
            }
        }
    }

    private static long key(int state, char c) {
        return ((long) state << 16) | c;
    }
}
