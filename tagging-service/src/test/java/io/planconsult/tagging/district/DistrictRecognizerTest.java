package io.planconsult.tagging.district;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DistrictRecognizerTest {

    private static final DistrictRecognizer RECOGNIZER = DistrictRecognizer.loadDefault();

    @Test
    void gazetteerHasThirteenDistrictsWithTenPlacesEach() {
        Gazetteer g = Gazetteer.loadDefault();
        assertEquals(13, g.districts().size());
        g.districts().forEach(d -> assertTrue(d.places().size() >= 10, d.code()));
        assertTrue(g.version() != null && !g.version().isBlank());
    }

    @ParameterizedTest
    @CsvSource({"上城区的老小区要改造,shangcheng", "拱墅这边老小区多,gongshu", "滨江的企业很多,binjiang",
            "萧山那边机器人企业多,xiaoshan", "余杭区要发展,yuhang", "临平新城的园区,linping", "钱塘区生物医药,qiantang",
            "富阳的造纸厂,fuyang", "临安山核桃,linan", "桐庐快递之乡,tonglu", "淳安县生态补偿,chunan", "建德市航空小镇,jiande",
            "西湖区文三路,xihu"})
    void districtNamesAndShortFormsAreRecognised(String text, String expected) {
        assertEquals(expected, RECOGNIZER.recognise(text, null));
    }

    @ParameterizedTest
    @CsvSource({"未来科技城的大模型企业,yuhang", "湘湖边新开了露营地,xiaoshan", "千岛湖的水质,chunan", "下沙高教园区,qiantang",
            "塘栖枇杷很好吃,linping", "高新区的写字楼,binjiang", "I live near Hubin and cycle to work,shangcheng"})
    void wellKnownPlacesIdentifyTheirDistrict(String text, String expected) {
        assertEquals(expected, RECOGNIZER.recognise(text, null));
    }

    @Test
    void westLakeAloneIsTheLakeNotTheDistrict() {
        assertNull(RECOGNIZER.recognise("杭州的知名度还是靠西湖和阿里", null));
        assertEquals("xihu", RECOGNIZER.recognise("西湖区的科研院所多，研发在西湖", null));
    }

    @Test
    void lakeshoreWordingLocatesTheDistrict() {
        assertEquals("xihu", RECOGNIZER.recognise("我住在西湖边，游客太多", null));
    }

    @Test
    void stationConfirmsAnAmbiguousLakeMention() {
        assertEquals("xihu", RECOGNIZER.recognise("西湖周末人太多了", "xihu"));
    }

    @Test
    void qiantangRiverIsNotQiantangDistrict() {
        assertNull(RECOGNIZER.recognise("钱塘江两岸的绿道要贯通", null));
        assertEquals("qiantang", RECOGNIZER.recognise("钱塘区的企业在钱塘江边", null));
    }

    @Test
    void historicalLinanCityIsNotLinanDistrict() {
        assertNull(RECOGNIZER.recognise("梳理南宋临安城的城市肌理", null));
    }

    @Test
    void dominantDistrictWinsOverOnesNamedInPassing() {
        assertEquals("chunan", RECOGNIZER.recognise("淳安工业受限，建议在钱塘、萧山等地设立淳安产业飞地，收益返还淳安", null));
    }

    @Test
    void aListOfPlacesAcrossDistrictsIsCityWide() {
        assertNull(RECOGNIZER.recognise("在湖滨、武林、钱江新城等夜间消费集聚区延长地铁运营", null));
    }

    @Test
    void stationBreaksATieButNeverInventsADistrict() {
        assertEquals("binjiang", RECOGNIZER.recognise("萧山和滨江之间的过江通道", "binjiang"));
        assertNull(RECOGNIZER.recognise("萧山和滨江之间的过江通道", null));
        assertNull(RECOGNIZER.recognise("建议扩大算力券覆盖面", "binjiang"));
    }

    @Test
    void titlesOfWorksDoNotLocate() {
        assertNull(RECOGNIZER.recognise("原创作品《钱塘往事》已在海外上线", null));
    }
}
