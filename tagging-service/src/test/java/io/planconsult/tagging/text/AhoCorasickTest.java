package io.planconsult.tagging.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AhoCorasickTest {

    private static List<String> scan(List<String> phrases, String text) {
        List<String> found = new ArrayList<>();
        new AhoCorasick(phrases).scan(text, (p, s, e) -> found.add(phrases.get(p) + "@" + s + "-" + e));
        return found;
    }

    @Test
    void findsOverlappingAndNestedOccurrencesInOnePass() {
        assertEquals(List.of("she@1-4", "he@2-4", "hers@2-6"), scan(List.of("he", "she", "his", "hers"), "ushers"));
    }

    @Test
    void findsChineseCuesIncludingOnesInsideLongerOnes() {
        assertEquals(List.of("联系@0-2", "联系人@0-3", "电话@6-8"),
                scan(List.of("联系人", "联系", "电话"), "联系人王先生电话"));
    }

    @Test
    void reportsEveryListEntryForADuplicatedPhrase() {
        assertEquals(List.of("住在@1-3", "住在@1-3"), scan(List.of("住在", "住在"), "我住在"));
    }

    @Test
    void emptyTextOrNoPhrasesFindNothing() {
        assertEquals(List.of(), scan(List.of("算力"), ""));
        assertEquals(List.of(), scan(List.of(), "算力券"));
    }

    @Test
    void findsWhatAStartsWithAtEveryPositionFindsWhateverCharsThePhrasesBeginWith() {
        java.util.Random random = new java.util.Random(7);
        String alphabet = "abcab联系人电话";
        for (int n = 0; n < 5_000; n++) {
            List<String> phrases = new ArrayList<>();
            for (int p = 1 + random.nextInt(4); p > 0; p--) {
                phrases.add(randomText(random, alphabet, 1 + random.nextInt(3)));
            }
            String text = randomText(random, alphabet, random.nextInt(30));
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < text.length(); i++) {
                for (String phrase : phrases) {
                    if (text.startsWith(phrase, i)) {
                        expected.add(phrase + "@" + i + "-" + (i + phrase.length()));
                    }
                }
            }
            List<String> found = scan(phrases, text);
            java.util.Collections.sort(expected);
            java.util.Collections.sort(found);
            assertEquals(expected, found, phrases + " in " + text);
        }
    }

    private static String randomText(java.util.Random random, String alphabet, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
