package io.planconsult.tagging.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void foldsFullWidthAndCapitalsCharForChar() {
        String text = "ＡＩ诈骗，TEL：１３９　5716";
        String folded = TextNormalizer.fold(text);
        assertEquals("ai诈骗,tel:139 5716", folded);
        assertEquals(text.length(), folded.length());
    }

    @Test
    void foldedTextComesBackAsTheSameObject() {
        String folded = TextNormalizer.fold("建议扩大算力券覆盖面，支持AI企业");
        assertSame(folded, TextNormalizer.fold(folded));
        assertEquals(folded, TextNormalizer.fold(TextNormalizer.fold(folded)));
    }

    @Test
    void nullFoldsToEmpty() {
        assertEquals("", TextNormalizer.fold(null));
    }
}
