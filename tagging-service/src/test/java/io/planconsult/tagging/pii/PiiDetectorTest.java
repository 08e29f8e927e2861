package io.planconsult.tagging.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiDetectorTest {

    private static final PiiDetector DETECTOR = PiiDetector.loadDefault();

    private static List<String> found(String text, String type) {
        return DETECTOR.detect(text).stream().filter(s -> s.type().equals(type))
                .map(s -> text.substring(s.start(), s.end())).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"13957162208", "139 5716 2208", "139-5716-2208", "+86 139 5716 2208", "+86-139-5716-2208",
            "+8613957162208", "0086 13957162208", "0571-87063215", "0571 87063215", "(0571)87063215", "057187063215",
            "+86 571 8706 3215", "１３９５７１６２２０８"})
    void phoneNumbersInCommonFormsAreFound(String phone) {
        assertEquals(List.of(phone), found("有事请打" + phone + "，谢谢", PiiDetector.PHONE));
    }

    @Test
    void hotlineAndAmountsAreNotPhones() {
        assertTrue(found("打过12345也没用，罚款3800元，地铁16号线", PiiDetector.PHONE).isEmpty());
    }

    @Test
    void residentIdWithValidCheckDigitIsFound() {
        assertEquals(List.of("11010519491231002X"), found("证件11010519491231002X已提交", PiiDetector.ID_NUMBER));
    }

    @Test
    void eighteenDigitsAreAnIdWhateverTheCheckDigitAndTheWording() {
        assertEquals(List.of("110105194912310021"), found("订单号110105194912310021", PiiDetector.ID_NUMBER));
        assertEquals(List.of("110105194912310021"), found("身份证号110105194912310021", PiiDetector.ID_NUMBER));
    }

    @Test
    void idIsNotAlsoReportedAsPhone() {
        List<PiiSpan> spans = DETECTOR.detect("身份证330106198807152328");
        assertEquals(1, spans.size());
        assertEquals(PiiDetector.ID_NUMBER, spans.getFirst().type());
    }

    @Test
    void emailAddressesAreFound() {
        assertEquals(List.of("wang.li_88@qq.com"), found("邮箱wang.li_88@qq.com。", PiiDetector.EMAIL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"联系人：王建华", "我叫蒋秀英，今年72岁", "本人王志军，身份证号码待补", "反映人：李桂芳。",
            "业主刘晓燕，电话待补", "家长：吴敏，谢谢"})
    void namesIntroducedAsPeopleAreFound(String text) {
        List<String> names = found(text, PiiDetector.NAME);
        assertEquals(1, names.size(), names.toString());
        assertTrue(text.contains(names.getFirst()));
    }

    @Test
    void nameRightBeforeContactDataIsFound() {
        assertEquals(List.of("黄海涛"), found("有合适岗位可以联系我，黄海涛 15168423097", PiiDetector.NAME));
        assertEquals(List.of("郑凯"), found("程序员郑凯，18758213406", PiiDetector.NAME));
    }

    @Test
    void honorificMarksAName() {
        assertEquals(List.of("王先生"), found("请王先生尽快回电", PiiDetector.NAME));
    }

    @Test
    void ordinaryWordsStartingWithSurnameCharactersAreNotNames() {
        assertTrue(found("周边停车太难，高峰期排队，方便的话多建车位。在鼓励创新的同时守住安全底线。", PiiDetector.NAME)
                .isEmpty());
        assertTrue(found("我老婆是韩国人，住在富阳", PiiDetector.NAME).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"临平区南苑街道迎宾路88号3幢2单元", "采荷路17号5幢1单元", "分水镇东溪村3组17号",
            "城厢街道湘湖路256号7幢1单元302室", "和平路43号2幢"})
    void streetHouseAndVillageAddressesAreFound(String address) {
        assertEquals(List.of(address), found("我家住" + address + "，欢迎来看", PiiDetector.ADDRESS));
    }

    @Test
    void roadWithoutHouseNumberIsNotAnAddress() {
        assertTrue(found("我住在拱墅区大关路那边，地铁5号线很挤", PiiDetector.ADDRESS).isEmpty());
    }

    @Test
    void overlappingFindingsAreResolvedToOneSpanEach() {
        List<PiiSpan> spans = PiiDetector.resolveOverlaps(List.of(new PiiSpan("phone", 2, 13),
                new PiiSpan("id-number", 0, 18), new PiiSpan("name", 18, 21), new PiiSpan("address", 19, 30)));
        assertEquals(List.of(new PiiSpan("id-number", 0, 18), new PiiSpan("address", 19, 30)), spans);
    }

    @Test
    void redactionReplacesEachSpanWithItsPlaceholderAndOffsetsReferToOriginal() {
        String text = "联系人：王建华 13857162394，邮箱a@b.cn";
        List<PiiSpan> spans = DETECTOR.detect(text);
        String redacted = Redactor.redact(text, spans);
        assertEquals("联系人：[姓名] [电话]，邮箱[邮箱]", redacted);
        assertEquals("王建华", text.substring(spans.getFirst().start(), spans.getFirst().end()));
    }

    @Test
    void englishNameNextToEmailIsFound() {
        assertEquals(List.of("Daniel Morrison"),
                found("Please help. Daniel Morrison, daniel.morrison@outlook.com", PiiDetector.NAME));
    }

    @Test
    void textWithoutPersonalDataIsLeftAlone() {
        String text = "建议十五五期间扩大算力券覆盖面。";
        assertFalse(DETECTOR.detect(text).iterator().hasNext());
        assertEquals(text, Redactor.redact(text, DETECTOR.detect(text)));
    }
}
