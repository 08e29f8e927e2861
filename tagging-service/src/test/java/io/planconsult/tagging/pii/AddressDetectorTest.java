package io.planconsult.tagging.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

import io.planconsult.tagging.text.FindEquivalence;

class AddressDetectorTest {

    private final AddressDetector detector = new AddressDetector(PiiRules.loadDefault());

    @Test
    void addressFarIntoALongTextIsStillFoundWhole() {
        String prefix = "楼下烧烤店每天凌晨两点还在吵，油烟直接往楼上飘，打了好几次电话都没解决，希望有关部门管一管。".repeat(3);
        String text = prefix + "地址是拱墅区湖墅南路188号3幢2单元";
        List<PiiSpan> spans = detector.find(text);
        assertEquals(1, spans.size());
        assertEquals("拱墅区湖墅南路188号3幢2单元", text.substring(spans.get(0).start(), spans.get(0).end()));
    }

    @Test
    void numberedUnitStartIncludesGroupAndDashParts() {
        assertEquals(4, AddressDetector.firstNumberedUnit("上城村民3组17号"));
        assertEquals(2, AddressDetector.firstNumberedUnit("住在12-3号"));
        assertEquals(-1, AddressDetector.firstNumberedUnit("响应号召，编号不带数字"));
    }

    @Test
    void textWithNumberSignButNoNumberedUnitIsSkipped() {
        assertEquals(List.of(), detector.find("积极响应号召，推动老旧小区改造"));
    }

    @Test
    void addressesTriedOnlyNearANumberedUnitAreTheAddressesFindWouldFind() {
        String[] pieces = {"西湖区", "转塘街道", "文三路", "东段", "湖墅南", "大街", "幸福", "小区", "花园", "新村", "苑", "村",
            "3组", "12", "5", "-", "号", "幢", "栋", "号楼", "座", "单元", "室", "院", "住在", "地铁3号线很挤", "，", "杭州"};
        int found = FindEquivalence.assertSameAsFind(AddressDetector.ADDRESS, AddressDetector::matches, pieces, 30,
                20_000, 3);
        assertTrue(found > 300, "too few addresses in the random texts: " + found);
    }
}
