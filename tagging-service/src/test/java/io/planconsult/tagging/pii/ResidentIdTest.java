package io.planconsult.tagging.pii;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResidentIdTest {

    @Test
    void checkDigitIsValidatedIncludingX() {
        assertTrue(ResidentId.isValid("11010519491231002X"));
        assertTrue(ResidentId.isValid("11010519491231002x"));
        assertFalse(ResidentId.isValid("110105194912310021"));
    }

    @Test
    void wrongLengthOrLettersAreInvalid() {
        assertFalse(ResidentId.isValid("1101051949123100"));
        assertFalse(ResidentId.isValid("1101051949123A002X"));
        assertFalse(ResidentId.isValid(null));
    }
}
