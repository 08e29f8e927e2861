package io.planconsult.intake.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

/** Hostile XLSX uploads: zip bombs and monstrous cells are refused before they cost memory. */
class UploadLimitsTest {

    /** A ZIP whose one part is {@code size} zero bytes: a few kilobytes that inflate to {@code size}. */
    static byte[] zipBomb(long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, size - written));
            }
        }
        return out.toByteArray();
    }

    @Test
    void anArchiveThatInflatesPastTheTotalLimitIs413() throws IOException {
        byte[] bomb = zipBomb(60L << 20);
        UploadLimits limits = new UploadLimits(10, 50L << 20, Integer.MAX_VALUE / 2, 32_767);
        InvalidImportException e = assertThrows(InvalidImportException.class,
                () -> ParsedFile.read("a.xlsx", null, bomb, limits));
        assertEquals(413, e.status());
        assertEquals("import-too-large", e.kind());
        assertEquals("file", e.errors().get(0).field());
    }

    @Test
    void aPartCompressedFarMoreThanAWorkbookIs413EvenWhenSmall() throws IOException {
        byte[] bomb = zipBomb(4L << 20);
        assertTrue(bomb.length < 100_000, "a few kilobytes: " + bomb.length);
        InvalidImportException e = assertThrows(InvalidImportException.class,
                () -> ParsedFile.read("a.xlsx", null, bomb, 10));
        assertEquals(413, e.status());
        assertTrue(e.errors().get(0).message().contains("compressed more than 100"), e.errors().get(0).message());
    }

    @Test
    void aCellLongerThanExcelAllowsIs400NamingRowAndColumn() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("s");
        sheet.value(0, 0, "建议内容");
        // Varied characters: a cell of one repeated word would compress like a zip bomb and be refused as one.
        java.util.Random random = new java.util.Random(7);
        StringBuilder cell = new StringBuilder();
        while (cell.length() < 40_000) {
            cell.append((char) (0x4E00 + random.nextInt(0x5000)));
        }
        sheet.value(1, 0, cell.toString());
        workbook.finish();
        InvalidImportException e = assertThrows(InvalidImportException.class,
                () -> ParsedFile.read("a.xlsx", null, out.toByteArray(), 10));
        assertEquals(400, e.status());
        assertEquals("cell-too-long", e.kind());
        assertEquals("row 2, column 1 has more than 32767 characters", e.errors().get(0).message());
    }

    @Test
    void anOrdinaryWorkbookOfManyRowsPassesTheGuard() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("s");
        sheet.value(0, 0, "建议内容");
        for (int r = 1; r <= 5_000; r++) {
            sheet.value(r, 0, "建议完善建德市第" + r + "个行政村的农村公交线路，方便群众出行");
        }
        workbook.finish();
        assertEquals(5_000, ParsedFile.read("a.xlsx", null, out.toByteArray(), 10_000).rows().size());
    }
}
