package io.planconsult.tagging.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidualGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"1385716239", "138 5716 2394", "１３８５７１６２３９４", "一三八五七一六二三九四", "33010319920315004X",
            "E12345678", "8706-3215", "wang.li@qq.com", "a_b＠example．com", "wxid_ab12345", "12345678901234567890123"})
    void leftoverNumbersEmailsAndIdLikeTokensAreMasked(String leftover) {
        ResidualGuard.Result r = ResidualGuard.guard("请联系" + leftover + "，谢谢");
        assertTrue(r.masked());
        assertEquals("请联系[号码]，谢谢", r.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025年新增15000个车位", "2025-2030年", "2025.11.20", "二〇二五年", "10 km", "[电话] [姓名] [地址]",
            "12345热线", "1,200,000元", "5G基站", "一是加强，二是完善"})
    void yearsDatesAmountsAndPlaceholdersPassUntouched(String text) {
        ResidualGuard.Result r = ResidualGuard.guard(text);
        assertFalse(r.masked(), r.text());
        assertEquals(text, r.text());
    }

    @Test
    void publishCheckMasksTheTextDropsLeakingKeywordsAndAddsTheReason() {
        PublishCheck checked = PublishCheck.of("电话13857162394", List.of("停车", "13857162394"), List.of());
        assertEquals("电话[号码]", checked.text());
        assertEquals(List.of("停车"), checked.keywords());
        assertEquals(List.of(ResidualGuard.REASON), checked.reviewReasons());
        assertTrue(checked.residual());
    }

    @Test
    void publishCheckLeavesCleanEventsUnflagged() {
        PublishCheck checked = PublishCheck.of("建议增加停车位，电话[电话]", List.of("停车位"), List.of());
        assertFalse(checked.residual());
        assertEquals(List.of(), checked.reviewReasons());
    }

    @Test
    void everyCharHasTheDigitValueOfItsAsciiFullWidthOrChineseForm() {
        int[] expected = new int[Character.MAX_VALUE + 1];
        java.util.Arrays.fill(expected, -1);
        for (String forms : new String[] {"0123456789", "０１２３４５６７８９", "〇一二三四五六七八九"}) {
            for (int d = 0; d < 10; d++) {
                expected[forms.charAt(d)] = d;
            }
        }
        expected['零'] = 0;
        expected['幺'] = 1;
        expected['○'] = 0;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            org.junit.jupiter.api.Assertions.assertEquals(expected[c], ResidualGuard.digit((char) c), "U+"
                    + Integer.toHexString(c));
        }
    }
}
