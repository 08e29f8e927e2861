package io.planconsult.tagging.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Door numbers and addresses written in Chinese numerals are found like their digits; numerals in plain words are not.
 */
class ChineseNumeralDoorTest {

    private static final PiiDetector DETECTOR = PiiDetector.loadDefault();

    private static String redacted(String text) {
        return Redactor.redact(text, DETECTOR.detect(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"三号楼二单元五〇一室", "三号楼二单元五零一", "十二栋三〇二室", "十二幢二单元一千二百零三室",
            "二十三号楼一单元一二〇三", "阳光小区十二栋", "翠苑新村二十幢三单元", "湖墅南路一百八十八号",
            "二单元五〇一室", "三幢2单元四〇一室", "五号楼一二〇三", "5号楼1203"})
    void aDoorNumberInChineseNumeralsIsRedactedWhole(String door) {
        String text = "我家住在" + door + "，楼下的路灯坏了很久，希望尽快维修。";
        List<PiiSpan> spans = DETECTOR.detect(text);
        int start = text.indexOf(door);
        assertTrue(spans.stream().anyMatch(s -> s.start() <= start && s.end() >= start + door.length()),
                door + " not covered: " + spans + " -> " + redacted(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"认真落实中央一号文件精神", "希望地铁十号线早日开通", "三室两厅的房子太贵了", "对困难家庭一户一策",
            "一栋楼只有一个电梯", "建议把这件事纳入十五五规划", "两会期间代表提出建议", "第一单元的课程太难",
            "三座大山压得喘不过气", "一楼大厅太暗", "千家万户受益", "五一假期游客多"})
    void numeralsInPlainWordsAreLeftAlone(String text) {
        assertEquals(List.of(), DETECTOR.detect(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"三号楼", "十二栋", "二单元", "五〇一室"})
    void foldingKeepsOneCharForOneChar(String door) {
        String folded = PiiText.foldDoorNumerals(door);
        assertEquals(door.length(), folded.length());
        assertTrue(Character.isDigit(folded.charAt(0)), folded);
    }
}
