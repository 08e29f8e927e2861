package io.planconsult.tagging.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    private static List<String> found(PhraseMatcher<Integer> matcher, String text) {
        return matcher.findAll(TextNormalizer.fold(text)).stream().map(m -> m.phrase() + "@" + m.start()).toList();
    }

    @Test
    void phrasesWrittenInCapitalsOrFullWidthAreFoundInFoldedText() {
        PhraseMatcher<Integer> matcher = PhraseMatcher.of(Map.of("AI芯片", 1, "ＧＰＵ", 2));
        assertEquals(List.of("ai芯片@2", "gpu@7"), found(matcher, "国产AI芯片和GPU"));
    }

    @Test
    void longestMatchWinsAndMatchesDoNotOverlap() {
        PhraseMatcher<Integer> matcher = PhraseMatcher.of(Map.of("钱塘", 1, "钱塘江", 2, "江边", 3));
        assertEquals(List.of("钱塘江@0"), found(matcher, "钱塘江边"));
        assertEquals(List.of("钱塘@2"), found(matcher, "住在钱塘区"));
    }

    @Test
    void aPositionNoPhraseBeginsWithIsSkippedWithoutLosingALaterMatch() {
        PhraseMatcher<Integer> matcher = PhraseMatcher.of(Map.of("算力", 1));
        assertEquals(List.of("算力@6", "算力@9"), found(matcher, "xyz建设的算力和算力券"));
    }

    @Test
    void latinPhrasesMatchOnlyOnWordBoundaries() {
        PhraseMatcher<Integer> matcher = PhraseMatcher.of(Map.of("ai", 1));
        assertEquals(List.of(), found(matcher, "he said so"));
        assertEquals(List.of("ai@4"), found(matcher, "use AI now"));
    }
}
