package io.planconsult.reporting.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A report as an XLSX workbook (dhatim fastexcel: streams the sheets, no POI object model): one sheet per table,
 * named in Chinese, Chinese column headers, code columns hidden.
 */
public final class XlsxExport {

    /** Excel's limit on sheet names, and the characters it refuses in them. */
    private static final int MAX_SHEET_NAME = 31;
    private static final String FORBIDDEN = "[]:*?/\\";

    private XlsxExport() {
    }

    public static byte[] write(ReportTables.Document document) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(bytes, "planconsult", "1.0")) {
            workbook.properties().setTitle(document.title());
            Set<String> used = new HashSet<>();
            for (ReportTable table : document.tables()) {
                Worksheet sheet = workbook.newWorksheet(sheetName(table.sheet(), used));
                List<ReportTable.Column> columns = table.columns();
                for (int c = 0; c < columns.size(); c++) {
                    sheet.value(0, c, columns.get(c).header());
                    sheet.style(0, c).bold().set();
                    if (columns.get(c).code()) {
                        sheet.hideColumn(c);
                    } else {
                        sheet.width(c, columns.get(c).header().startsWith("建议内容") || columns.get(c).header()
                                .startsWith("代表性") ? 80 : 16);
                    }
                }
                int r = 1;
                for (List<Object> row : table.rows()) {
                    for (int c = 0; c < row.size(); c++) {
                        Object cell = row.get(c);
                        if (cell instanceof Number n) {
                            sheet.value(r, c, n);
                        } else if (cell != null) {
                            sheet.value(r, c, cell.toString());
                        }
                    }
                    r++;
                }
                sheet.freezePane(0, 1);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String sheetName(String wanted, Set<String> used) {
        StringBuilder clean = new StringBuilder();
        wanted.codePoints().filter(cp -> FORBIDDEN.indexOf(cp) < 0).forEach(clean::appendCodePoint);
        String base = clean.length() > MAX_SHEET_NAME ? clean.substring(0, MAX_SHEET_NAME) : clean.toString();
        String name = base;
        for (int n = 2; !used.add(name); n++) {
            String suffix = "(" + n + ")";
            name = base.substring(0, Math.min(base.length(), MAX_SHEET_NAME - suffix.length())) + suffix;
        }
        return name;
    }
}
