package io.planconsult.tagging.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.planconsult.tagging.text.TextNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NonSuggestionDetectorTest {

    private final NonSuggestionDetector detector = NonSuggestionDetector.loadDefault();

    @ParameterizedTest
    @ValueSource(strings = {
        "您好，在吗？",
        "谢谢你们的辛苦工作，给联络站点个赞！",
        "测试一下，看看这个平台能不能提交。",
        "test test 123",
        "请问下一次座谈会什么时候开？怎么报名参加？",
        "这里是滨江区的联络站吗？",
        "asdfghjkl",
        "啊啊啊啊啊啊",
        "qwrtzpsdfg",
        "祝家乡越来越好！没啥具体建议，支持一下👍",
        "👍👍👍",
        "。。。"
    })
    void greetingsTestsServiceQuestionsAndMashAreNotSuggestions(String text) {
        assertTrue(detector.isNotASuggestion(TextNormalizer.fold(text), 0.0), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "你好，我们小区门口的路灯坏了一个多月，希望尽快修好。",
        "工厂拖欠工资半年了，劳动部门能不能管一下？",
        "请问能不能在我们村多开几班公交？",
        "谢谢！建议地铁末班车延长到十二点。",
        "楼下烧烤店油烟太大，打12345也没人管。"
    })
    void shortRealComplaintsAndProposalsStaySuggestions(String text) {
        assertFalse(detector.isNotASuggestion(TextNormalizer.fold(text), 0.0), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"您好，算力券申领太难了", "谢谢，低空经济"})
    void clearKeyAreaEvidenceKeepsAGreetingASuggestion(String text) {
        assertFalse(detector.isNotASuggestion(TextNormalizer.fold(text), 3.0), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "好"})
    void tooShortToBeMashIsStillJudgedByCues(String text) {
        assertFalse(detector.isMash(TextNormalizer.fold(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"啊啊啊哦哦", "哈哈哈呵", "1111a2"})
    void oneCharacterMakingThreeFifthsOfATextIsMash(String text) {
        assertTrue(detector.isMash(TextNormalizer.fold(text)), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"啊啊哦哦呃", "哈哈呵呵", "路灯坏了灯灯"})
    void repeatsBelowThreeFifthsAreNotMash(String text) {
        assertFalse(detector.isMash(TextNormalizer.fold(text)), text);
    }

    @Test
    void mostRepeatedCountsTheCommonestCharacterWhereverItStands() {
        assertEquals(3, NonSuggestionDetector.mostRepeated("a啊b啊c啊"));
        assertEquals(1, NonSuggestionDetector.mostRepeated("abc"));
        assertEquals(2, NonSuggestionDetector.mostRepeated("\uffffx\uffff"));
    }
}
