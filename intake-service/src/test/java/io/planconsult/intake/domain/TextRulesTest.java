package io.planconsult.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"建议增加公交班次", "多行\n文本\t制表\r\n", "👨‍👩‍👧‍👦👍🏽", "𠀀𪚥", "café e\u0301", "مرحبا\u200F",
            "<b>html</b>",
            "a\u0301\u0302\u0303\u0304"})
    void typedTextIsAccepted(String text) {
        assertEquals(Optional.empty(), TextRules.firstViolation(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "bell\u0007", "del\u007f", "c1\u0085", "rlo\u202Eabc", "isolate\u2066x\u2069",
            "nonchar\uFFFF",
            "lone\uD800surrogate", "trail\uDC00"})
    void controlAndDisplayTrickeryIsRefused(String text) {
        assertTrue(TextRules.firstViolation(text).isPresent(), text);
    }

    @org.junit.jupiter.api.Test
    void theViolationNamesCodePointAndPosition() {
        assertEquals(Optional.of("must not contain control characters (U+0007 at position 2)"),
                TextRules.firstViolation("ab\u0007"));
    }

    @org.junit.jupiter.api.Test
    void stackedCombiningMarksAreRefusedPastTheLimit() {
        String limit = "a" + "\u0301".repeat(TextRules.MAX_COMBINING_RUN);
        assertEquals(Optional.empty(), TextRules.firstViolation(limit));
        assertTrue(TextRules.firstViolation(limit + "\u0301").isPresent());
    }
}
