package io.planconsult.intake.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

class XlsxRowsTest {

    @Test
    void templateHeaderRowHoldsTheChineseLabelsInOrder() throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(ImportTemplates.xlsx()));
                Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            Row header = rows.findFirst().orElseThrow();
            List<String> labels = Stream.of(ImportColumn.values()).map(ImportColumn::label).toList();
            for (int i = 0; i < labels.size(); i++) {
                assertEquals(labels.get(i), header.getCellText(i));
            }
            assertEquals(2, workbook.getSheets().count(), "data sheet and 填写说明");
        }
    }

    @Test
    void rowsAreReadWithNumbersInFullAndExcelDatesAsLocalTimes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("s");
        sheet.value(0, 0, "序号");
        sheet.value(0, 1, "建议内容");
        sheet.value(0, 2, "联系电话");
        sheet.value(0, 3, "提交时间");
        sheet.value(1, 0, 1);
        sheet.value(1, 1, "建议建设未来科技城人工智能算力中心");
        sheet.value(1, 2, 13912345678L);
        sheet.value(1, 3, LocalDateTime.of(2026, 11, 20, 9, 30));
        sheet.value(3, 1, "第二条");
        sheet.value(3, 3, "2026-11-20 10:00");
        workbook.finish();

        ParsedFile file = ParsedFile.read("f.xlsx", null, out.toByteArray(), 10);
        assertEquals(ImportFormat.XLSX, file.format());
        assertEquals(List.of("序号"), file.ignored());
        assertEquals(2, file.rows().size(), "the empty third row is skipped");
        ImportRow first = file.rows().get(0);
        assertEquals(2, first.row());
        assertEquals("13912345678", first.submitterPhone());
        assertEquals("2026-11-20T09:30", first.submittedAt());
        assertEquals(4, file.rows().get(1).row());
        assertEquals("2026-11-20 10:00", file.rows().get(1).submittedAt());
    }

    @Test
    void aZipThatIsNotAWorkbookIsAFileProblem() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("hello.txt"));
            zip.write("hi".getBytes());
        }
        InvalidImportException e = assertThrows(InvalidImportException.class,
                () -> ParsedFile.read("x.xlsx", null, out.toByteArray(), 10));
        assertEquals("file", e.errors().get(0).field());
    }
}
