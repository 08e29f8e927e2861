package io.planconsult.tagging.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private final LanguageDetector detector = LanguageDetector.loadDefault();

    @Test
    void chineseWithLatinAbbreviationsStaysChinese() {
        assertEquals(Language.CHINESE, detector.detect("建议在滨江建设AI算力中心，支持eVTOL和GPU芯片企业发展"));
    }

    @Test
    void englishThatNamesAChineseDistrictIsEnglish() {
        assertEquals(Language.ENGLISH, detector.detect(
                "Please add more bus routes between 萧山 airport and the city centre, the last bus leaves too early."));
    }

    @Test
    void pinyinWithoutCharactersIsPinyin() {
        assertEquals(Language.PINYIN, detector.detect("wo xiwang hangzhou duo jian yixie gongyuan he tingchechang"));
    }

    @Test
    void emojiAndDigitsAloneAreUndetermined() {
        assertEquals(Language.UNKNOWN, detector.detect("👍👍 123"));
    }

    @Test
    void hanTestAgreesWithTheUnicodeScriptForEveryChar() {
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            int code = c;
            boolean han = Character.UnicodeScript.of(code) == Character.UnicodeScript.HAN;
            assertEquals(han, LanguageDetector.isHan((char) code), () -> Integer.toHexString(code));
        }
    }
}
