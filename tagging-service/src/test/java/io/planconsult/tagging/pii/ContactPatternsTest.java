package io.planconsult.tagging.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.planconsult.tagging.text.FindEquivalence;

class ContactPatternsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"138 5716 2394|11", "0571-8706-3215|12", "2025-2030|8", "2025年到2030年|4",
            "12  34|2", "12- 34|2", "-1234-|4", "增长5.5%，达到1200亿|4", "''|0"})
    void aDigitRunMayCrossSingleSpacesAndDashes(String text, int digits) {
        assertEquals(digits, ContactPatterns.longestSeparatedDigitRun(text));
    }

    @Test
    void scatteredYearsAndFiguresSkipThePhonePatternsYetFindNothing() {
        String text = "2025年到2030年，gdp年均增长5.5%，研发投入达到1200亿元，新增8个产业园";
        assertTrue(ContactPatterns.find(text).isEmpty());
    }

    @Test
    void aPhoneAmongYearsIsStillFound() {
        String text = "2025年到2030年完成30%的改造目标，电话0571-8706 3215，手机139 5716 2208";
        List<String> phones = PiiDetector.loadDefault().detect(text).stream()
                .filter(s -> s.type().equals(PiiDetector.PHONE)).map(s -> text.substring(s.start(), s.end())).toList();
        assertEquals(List.of("0571-8706 3215", "139 5716 2208"), phones);
    }

    @Test
    void aLocalNumberCountsOnlyAfterPhoneWording() {
        assertEquals(List.of(new PiiSpan(PiiDetector.PHONE, 5, 14)), ContactPatterns.find("座机电话：8706-3215"));
        assertTrue(ContactPatterns.find("编号8706-3215").isEmpty());
    }

    @Test
    void numbersTriedOnlyWhereOneCanBeginAreTheNumbersFindWouldFind() {
        String[] pieces = {"138", "5716", "2394", "330103", "19920315", "0041", "0571", "6", "8", "0", "-", " ", ".",
            "(", ")", "+86", "x", "转", "ext", "电话", "号", "a", "\n"};
        java.util.regex.Pattern[] patterns = {ContactPatterns.ID, ContactPatterns.CARD, ContactPatterns.MOBILE,
            ContactPatterns.LANDLINE};
        for (java.util.regex.Pattern p : patterns) {
            int found = FindEquivalence.assertSameAsFind(p, t -> ContactPatterns.numbers(p, t), pieces, 16, 20_000, 5);
            assertTrue(found > 50, "the random texts hold too few matches of " + p);
        }
    }
}
