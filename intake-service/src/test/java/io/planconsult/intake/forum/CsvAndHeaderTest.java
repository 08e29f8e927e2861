package io.planconsult.intake.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvAndHeaderTest {

    private static ParsedFile csv(String text, int maxRows) {
        return ParsedFile.read("minutes.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8), maxRows);
    }

    @Test
    void chineseTemplateLabelsMapToFields() {
        HeaderMapping mapping = HeaderMapping.of(List.of("建议内容", "提交人姓名", "联系电话", "渠道", "提交时间"));
        assertEquals(0, mapping.columns().get(ImportColumn.TEXT));
        assertEquals(1, mapping.columns().get(ImportColumn.SUBMITTER_NAME));
        assertEquals(2, mapping.columns().get(ImportColumn.SUBMITTER_PHONE));
        assertEquals(3, mapping.columns().get(ImportColumn.CHANNEL));
        assertEquals(4, mapping.columns().get(ImportColumn.SUBMITTED_AT));
        assertTrue(mapping.ignored().isEmpty());
    }

    @Test
    void englishFieldNamesMatchWhateverTheirCaseAndSeparators() {
        HeaderMapping mapping = HeaderMapping.of(List.of(" Text ", "submitter_name", "Submitter.Phone", "CHANNEL",
                "submitted-at"));
        assertEquals(ImportColumn.values().length, mapping.columns().size());
        assertEquals(1, mapping.columns().get(ImportColumn.SUBMITTER_NAME));
        assertEquals(2, mapping.columns().get(ImportColumn.SUBMITTER_PHONE));
    }

    @Test
    void unknownHeadersAreIgnoredAndListed() {
        HeaderMapping mapping = HeaderMapping.of(List.of("序号", "意见建议", "备注", ""));
        assertEquals(1, mapping.columns().get(ImportColumn.TEXT));
        assertEquals(List.of("序号", "备注"), mapping.ignored());
    }

    @Test
    void missingTextColumnIsAFileProblem() {
        InvalidImportException e = assertThrows(InvalidImportException.class,
                () -> HeaderMapping.of(List.of("姓名", "电话")));
        assertEquals("file", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("建议内容"), e.errors().get(0).message());
    }

    @Test
    void aColumnNamedTwiceIsAFileProblem() {
        InvalidImportException e = assertThrows(InvalidImportException.class,
                () -> HeaderMapping.of(List.of("建议内容", "text")));
        assertTrue(e.errors().get(0).message().contains("columns 1 and 2"), e.errors().get(0).message());
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaksAndRowsAreNumberedAsInTheSpreadsheet() {
        ParsedFile file = csv("建议内容,提交人姓名,联系电话\r\n"
                + "\"第一，建议增加公交线路\r\n第二，延长运营时间\",张三,13800000001\r\n"
                + ",,\r\n"
                + "\"引号\"\"测试\"\"\",,\r\n", 10);
        assertEquals(2, file.rows().size(), "the blank row is skipped");
        ImportRow first = file.rows().get(0);
        assertEquals(2, first.row());
        assertEquals("第一，建议增加公交线路\r\n第二，延长运营时间", first.text());
        assertEquals("张三", first.submitterName());
        assertEquals("13800000001", first.submitterPhone());
        assertNull(first.channel(), "absent column");
        ImportRow second = file.rows().get(1);
        assertEquals(4, second.row(), "row numbers count the blank row, like the spreadsheet does");
        assertEquals("引号\"测试\"", second.text());
        assertNull(second.submitterName(), "empty cell");
    }

    @Test
    void shortRowsLeaveTheMissingCellsEmpty() {
        ParsedFile file = csv("建议内容,渠道,提交时间\n只有内容\n", 10);
        assertEquals("只有内容", file.rows().get(0).text());
        assertNull(file.rows().get(0).submittedAt());
    }

    @Test
    void headerOnlyFileHasNoRows() {
        InvalidImportException e = assertThrows(InvalidImportException.class, () -> csv("建议内容,渠道\n", 10));
        assertTrue(e.errors().get(0).message().contains("no suggestion rows"));
    }

    @Test
    void moreRowsThanAllowedIsAFileProblem() {
        InvalidImportException e = assertThrows(InvalidImportException.class, () -> csv("text\na\nb\nc\n", 2));
        assertTrue(e.errors().get(0).message().contains("more than 2"));
    }

    @Test
    void unterminatedQuoteIsAFileProblem() {
        assertThrows(InvalidImportException.class, () -> csv("text\n\"never closed\n", 10));
    }

    @Test
    void fileKindIsToldByBytesThenNameThenType() {
        byte[] text = "text\na\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(ImportFormat.CSV, ImportFormat.ofUpload("a.csv", "application/octet-stream", text));
        assertEquals(ImportFormat.CSV, ImportFormat.ofUpload("upload", "text/csv", text));
        assertEquals(ImportFormat.XLSX, ImportFormat.ofUpload("a.csv", "text/csv", ImportTemplates.xlsx()));
        assertThrows(InvalidImportException.class, () -> ImportFormat.ofUpload("a.pdf", "application/pdf",
                "%PDF-1.7".getBytes()));
        assertThrows(InvalidImportException.class, () -> ImportFormat.ofUpload("a.xlsx", null, text));
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        InvalidImportException legacy = assertThrows(InvalidImportException.class,
                () -> ImportFormat.ofUpload("a.xls", null, ole2));
        assertTrue(legacy.errors().get(0).message().contains(".xls"));
    }

    @Test
    void csvTemplateIsUtf8WithBomAndReadsBackAsItsOwnHeader() {
        byte[] template = ImportTemplates.csv();
        assertEquals(0xEF, template[0] & 0xFF);
        String text = new String(template, StandardCharsets.UTF_8);
        assertTrue(text.contains("建议内容"), text);
        byte[] withRow = (text + "建议增加停车位,,,,\r\n").getBytes(StandardCharsets.UTF_8);
        ParsedFile file = ParsedFile.read("t.csv", "text/csv", withRow, 10);
        assertEquals(TextDecoding.UTF_8_BOM, file.encoding());
        assertEquals("建议增加停车位", file.rows().get(0).text());
        assertTrue(file.ignored().isEmpty());
    }
}
