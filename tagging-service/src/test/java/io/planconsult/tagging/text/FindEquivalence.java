package io.planconsult.tagging.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Checks a faster search for a pattern ({@link CandidateScan} or a hand-made one) against plain repeated
 * {@code find()} on random texts: the same matches, at the same places, in every text.
 */
public final class FindEquivalence {

    private FindEquivalence() {
    }

    /**
     * @param pieces    what the texts are made of, each up to {@code maxPieces} pieces drawn at random (seeded)
     * @return how many matches find() found in all the texts, for the caller to check that they meant something
     */
    public static int assertSameAsFind(Pattern pattern, Function<String, List<MatchResult>> search, String[] pieces,
            int maxPieces, int texts, long seed) {
        Random random = new Random(seed);
        int found = 0;
        for (int n = 0; n < texts; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(maxPieces); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = text.toString();
            List<String> expected = pattern.matcher(t).results().map(FindEquivalence::span).toList();
            found += expected.size();
            assertEquals(expected, search.apply(t).stream().map(FindEquivalence::span).toList(), pattern + " in " + t);
        }
        return found;
    }

    /** Each char of {@code alphabet} as a piece. */
    public static String[] chars(String alphabet) {
        return alphabet.chars().mapToObj(c -> String.valueOf((char) c)).toArray(String[]::new);
    }

    private static String span(MatchResult m) {
        return m.start() + "-" + m.end();
    }
}
