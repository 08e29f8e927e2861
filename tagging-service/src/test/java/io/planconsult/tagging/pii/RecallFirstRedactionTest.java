package io.planconsult.tagging.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 11: every form of personal data is redacted, as one span whose offsets point at what was typed. */
class RecallFirstRedactionTest {

    private static final PiiDetector DETECTOR = PiiDetector.loadDefault();

    /** The value is covered by exactly one span of the type, and the redacted text shows the placeholder. */
    private static void assertRedacted(String before, String value, String after, String type) {
        String text = before + value + after;
        List<PiiSpan> spans = DETECTOR.detect(text);
        List<String> ofType = spans.stream().filter(s -> s.type().equals(type))
                .map(s -> text.substring(s.start(), s.end())).toList();
        assertEquals(List.of(value), ofType, "spans " + spans + " in " + text);
        String redacted = Redactor.redact(text, spans);
        assertEquals(before + Redactor.placeholder(type) + after, redacted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"33010319920315004X", "33010319920315004x", "330103 19920315 0041", "330103-19920315-0041",
            "330103 1992 0315 0041", "110105194912310021", "330103920315004", "３３０１０３１９９２０３１５００４Ｘ"})
    void residentIdsAreRedactedWhateverTheirCheckDigitAndGrouping(String id) {
        assertRedacted("证件号码", id, "，请核实", PiiDetector.ID_NUMBER);
    }

    @org.junit.jupiter.api.Test
    void theIssuesIdBehindItsUnusualCueIsRedacted() {
        assertRedacted("我的身份证号是", "33010319920315004X", "", PiiDetector.ID_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"138.5716.2394", "(138)5716 2394", "+86 138 5716 2394", "0086-138-5716-2394",
            "(+86)13857162394", "+86(138)5716-2394", "0571-8706 3215", "(0571) 8706-3215", "0571.8706.3215",
            "0571-87063215-802", "１３８５７１６２３９４", "一三八五七一六二三九四", "幺三八 五七一六 二三九四",
            "１３８－５７１６－２３９４"})
    void phonesAreRedactedInAnyGrouping(String phone) {
        assertRedacted("有事打", phone, "找我", PiiDetector.PHONE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"QQ：|123456789", "qq号 |87654321", "扣扣|5566778", "微信号：|wang_li88",
            "vx: |abc-12345", "加我微信|zhangsan2024", "ＱＱ|１２３４５６７８"})
    void qqAndWechatIdsAfterTheirCueAreRedacted(String cue, String id) {
        assertRedacted(cue, id, "，谢谢", PiiDetector.ACCOUNT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"6222 0212 3456 7890 123", "6217003810012345678", "6222-0212-3456-7890"})
    void bankCardNumbersAreRedacted(String card) {
        assertRedacted("补贴打到卡号", card, "上", PiiDetector.BANK_CARD);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"护照号|E12345678", "护照号码：|P1234567", "证件|EA1234567", "通行证|C12345678"})
    void passportAndPermitNumbersAreRedacted(String cue, String number) {
        assertRedacted(cue, number, "已过期", PiiDetector.PASSPORT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"浙A8K2J6", "浙A·12345", "沪AD12345", "苏E 5F3G2", "浙ａ８ｋ２ｊ６"})
    void carPlatesAreRedacted(String plate) {
        assertRedacted("我的车", plate, "被贴了罚单", PiiDetector.PLATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wang.li＠qq.com", "li_88@163。com", "ＴＯＭ＠ＥＸＡＭＰＬＥ．ＣＯＭ"})
    void emailsWithFullWidthSignsAreRedacted(String email) {
        assertRedacted("邮箱", email, "，盼回复", PiiDetector.EMAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3幢2单元401室", "5号楼1203室", "2-1-302室", "7栋3单元", "2单元1502"})
    void doorAndUnitNumbersAreRedacted(String door) {
        assertRedacted("我住", door, "，楼道灯坏了", PiiDetector.ADDRESS);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"我叫|王小明|今年三十岁，建议多修公园", "反映人：|李桂芳|。", "联系人|张伟|电话待补",
            "本人|欧阳娜娜|是一名教师", "署名：|陈志强|", "我叫|小燕子|，住在附近", "来信人|何建国|，2025年3月"})
    void namesAfterSelfIntroductionsAndSignaturesAreRedacted(String before, String name, String after) {
        assertRedacted(before, name, after, PiiDetector.NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025年全市新增停车位15000个，投资3.5亿元", "十五五期间（2026-2030年）建成10 km绿道",
            "2025.11.20起地铁16号线加密班次", "两室一厅、2室1厅的房子租金太高", "打过12345热线，罚款3800元",
            "GDP增长5.5%，人均可支配收入达到72000元", "第一、二、三产业协调发展"})
    void yearsAmountsDistancesAndCountsSurvive(String text) {
        assertTrue(DETECTOR.detect(text).isEmpty(), DETECTOR.detect(text).toString());
        assertFalse(ResidualGuard.guard(text).masked(), ResidualGuard.guard(text).text());
    }
}
