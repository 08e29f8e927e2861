package io.planconsult.tagging.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

import io.planconsult.tagging.text.FindEquivalence;

class PointSplitterTest {

    private final PointSplitter splitter = new PointSplitter();

    private List<String> passages(String text) {
        return splitter.split(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    @Test
    void numberedProposalsWithYiShiErShiAreSplitAtEachMarker() {
        String text = "关于十五五规划，政协委员在大会发言中提出三点建议：一是加快建设城西科创大走廊的智能算力中心，"
                + "降低中小企业用算成本；二是推动老旧小区加装电梯和停车设施改造；三是完善山区县公交线路，缩小城乡出行差距。";
        List<String> points = passages(text);
        assertEquals(3, points.size(), points.toString());
        assertTrue(points.get(0).startsWith("一是加快建设"));
        assertTrue(points.get(1).startsWith("二是推动老旧小区"));
        assertTrue(points.get(2).startsWith("三是完善山区县"));
    }

    @Test
    void forumMinutesWithASpeakerPerLineAreSplitBySpeaker() {
        String text = "座谈会纪要\n张委员：建议在余杭建设人形机器人中试基地，支持整机企业落地。\n"
                + "李代表：农村养老服务站太少，希望每个村都有助餐点。\n王主任：涉外法律服务人才不足，建议培育涉外律所。";
        List<String> points = passages(text);
        assertEquals(3, points.size(), points.toString());
        assertTrue(points.get(1).startsWith("李代表："));
    }

    @Test
    void arabicNumberedListsAndCircledNumbersAreSplit() {
        assertEquals(2, passages("我们企业有两条建议。1. 希望简化外籍员工工作许可办理流程，缩短审批时间；"
                + "2. 建议在园区增加国际学校学位，解决外籍高管子女入学难题。").size());
        assertEquals(2, passages("建议如下：①加快建设夜间经济集聚区，延长地铁运营时间到凌晨，方便市民和游客夜间出行消费；"
                + "②支持网络文学和微短剧企业出海，建立海外发行平台和本地化翻译中心。").size());
    }

    @Test
    void shortTextsAndWordsThatMerelyContainANumeralAreOnePoint() {
        assertTrue(splitter.split("一是停车难，二是充电难").isEmpty());
        assertTrue(splitter.split("杭州是全国唯一是这样做的城市吗？我觉得统一是好事，建议在全市范围推广垃圾分类的"
                + "经验做法，第一次做得好就应该坚持下去，形成长效机制。").isEmpty());
    }

    @Test
    void markersFoundOnlyWhereOneCanBeginAreTheMarkersFindWouldFind() {
        String alphabet = "一二三四五六七八九十是第（()）、，,：:条点\n\r\t 。；;！!？?0123456789.．①⑤⑩⑪建议城市ab·";
        FindEquivalence.assertSameAsFind(PointSplitter.ENUMERATION, PointSplitter::enumerationMarkers,
                FindEquivalence.chars(alphabet), 40, 50_000, 12);
    }

    @Test
    void speakersFoundOnlyAtLineStartsAreTheSpeakersFindWouldFind() {
        String alphabet = "张委李代表主任：: \n\r\t\u2028\u0085ab·建议。";
        FindEquivalence.assertSameAsFind(PointSplitter.SPEAKER, PointSplitter::speakerMarkers,
                FindEquivalence.chars(alphabet), 40, 50_000, 21);
    }
}
