package io.planconsult.intake.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.planconsult.intake.domain.FieldError;

class RowAndForumRulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private static final Instant FORUM_DAY = Instant.parse("2026-11-19T16:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static RowRules.Checked check(String text, String channel, String submittedAt, String name, String phone) {
        return RowRules.check(new ImportRow(2, text, channel, submittedAt, name, phone), "st-xihu-01", FORUM_DAY,
                SHANGHAI, NOW);
    }

    private static List<String> fields(RowRules.Checked checked) {
        return checked.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void plainRowBecomesAForumSuggestionOnTheForumsDay() {
        RowRules.Checked checked = check("  建议加快城西交通建设  ", null, null, null, null);
        assertTrue(checked.valid());
        assertEquals("forum", checked.suggestion().channel());
        assertEquals("建议加快城西交通建设", checked.suggestion().text());
        assertEquals(FORUM_DAY, checked.suggestion().submittedAt());
        assertEquals("st-xihu-01", checked.suggestion().stationId());
        assertNull(checked.suggestion().submitter());
    }

    @Test
    void channelMayBeACodeOrItsChineseName() {
        assertEquals("deputy", check("x", "代表建议", null, null, null).suggestion().channel());
        assertEquals("media", check("x", "MEDIA", null, null, null).suggestion().channel());
        assertEquals(List.of("channel"), fields(check("x", "传真", null, null, null)));
    }

    @Test
    void localTimesAreBeijingTimeAndOffsetsAreHonoured() {
        assertEquals(Instant.parse("2026-11-20T01:30:00Z"),
                check("x", null, "2026-11-20 09:30", null, null).suggestion().submittedAt());
        assertEquals(Instant.parse("2026-11-20T01:30:00Z"),
                check("x", null, "2026/11/20 9:30:00", null, null).suggestion().submittedAt());
        assertEquals(Instant.parse("2026-11-20T01:30:00Z"),
                check("x", null, "2026-11-20T09:30", null, null).suggestion().submittedAt());
        assertEquals(Instant.parse("2026-11-19T16:00:00Z"),
                check("x", null, "2026-11-20", null, null).suggestion().submittedAt());
        assertEquals(Instant.parse("2026-11-20T09:30:00Z"),
                check("x", null, "2026-11-20T09:30:00Z", null, null).suggestion().submittedAt());
    }

    @Test
    void eachBrokenRuleNamesItsColumnField() {
        assertEquals(List.of("submittedAt"), fields(check("x", null, "昨天", null, null)));
        assertEquals(List.of("submittedAt"), fields(check("x", null, "2027-01-01", null, null)));
        assertEquals(List.of("text"), fields(check(null, null, null, "张三", null)));
        assertEquals(List.of("text"), fields(check("长".repeat(10_001), null, null, null, null)));
        assertEquals(List.of("submitterPhone"), fields(check("x", null, null, null, "1".repeat(41))));
        assertEquals(List.of("submittedAt", "text", "channel"), fields(check(" ", "fax", "soon", null, null)));
    }

    @Test
    void contactDataBecomesTheSubmitter() {
        RowRules.Checked checked = check("x", null, null, " 王芳 ", "13800000000");
        assertEquals("王芳", checked.suggestion().submitter().name());
        assertEquals("13800000000", checked.suggestion().submitter().phone());
        assertFalse(checked.suggestion().submitter().toString().contains("王芳"));
    }

    @Test
    void formMetadataIsParsedWithDeputyNamesInAnySeparator() {
        ForumMetadata metadata = ForumMetadata.fromForm("余杭区十五五规划座谈会", "2026-11-20", null, "yuhang", "35", null,
                "张三、李四,王五\n赵六",
                TODAY);
        assertEquals(List.of("张三", "李四", "王五", "赵六"), metadata.deputyNames());
        assertEquals(4, metadata.deputyCount());
        assertEquals(35, metadata.participants());
        assertFalse(metadata.toString().contains("张三"));
    }

    @Test
    void aCountMayExceedTheNamesButNotFallShortOfThem() {
        assertEquals(6, ForumMetadata.fromForm("f", "2026-11-20", "st-xihu-01", null, "10", "6", "张三,李四", TODAY)
                .deputyCount());
        InvalidImportException e = assertThrows(InvalidImportException.class,
                () -> ForumMetadata.fromForm("f", "2026-11-20", "st-xihu-01", null, "10", "1", "张三,李四", TODAY));
        assertEquals("deputiesPresent", e.errors().get(0).field());
    }

    @Test
    void malformedFormFieldsAreAllNamedOnce() {
        InvalidImportException e = assertThrows(InvalidImportException.class,
                () -> ForumMetadata.fromForm(" ", "20 Nov", "st-xihu-01", "xihu", "many", "-1", null, TODAY));
        assertEquals(400, e.status());
        List<String> fields = e.errors().stream().map(FieldError::field).toList();
        assertEquals(List.of("heldOn", "participants", "name", "district", "deputiesPresent"), fields);
    }

    @Test
    void forumHeldInTheFutureOrWithoutPlaceIsRefused() {
        ForumMetadata future = new ForumMetadata("f", TODAY.plusDays(1), null, null, 10, 2, null);
        List<String> fields = future.check(TODAY).stream().map(FieldError::field).toList();
        assertEquals(List.of("heldOn", "stationId"), fields);
    }
}
