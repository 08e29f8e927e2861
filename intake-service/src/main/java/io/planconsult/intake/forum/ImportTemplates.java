package io.planconsult.intake.forum;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The downloadable import templates: the header row with the Chinese display labels, nothing else
 * (an example row left in by mistake would be imported as a suggestion). The XLSX template carries
 * a second sheet, 填写说明, that documents each column. Written with dhatim fastexcel, the writer
 * that matches the reader.
 */
public final class ImportTemplates {

    private ImportTemplates() {
    }

    /** UTF-8 with a byte-order mark, so that Excel on a Chinese Windows opens it without garbling the labels. */
    public static byte[] csv() {
        String header = Arrays.stream(ImportColumn.values()).map(ImportColumn::label).collect(Collectors.joining(","));
        return ("\uFEFF" + header + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "planconsult", "1.0");
            Worksheet rows = workbook.newWorksheet("意见建议");
            Worksheet help = workbook.newWorksheet("填写说明");
            ImportColumn[] columns = ImportColumn.values();
            help.value(0, 0, "列名");
            help.value(0, 1, "field");
            help.value(0, 2, "必填");
            help.value(0, 3, "说明");
            help.style(0, 0).bold().set();
            for (int c = 0; c < columns.length; c++) {
                rows.value(0, c, columns[c].label());
                rows.style(0, c).bold().set();
                rows.width(c, columns[c] == ImportColumn.TEXT ? 80 : 18);
                help.value(c + 1, 0, columns[c].label());
                help.value(c + 1, 1, columns[c].field());
                help.value(c + 1, 2, columns[c].required() ? "是" : "否");
                help.value(c + 1, 3, columns[c].description());
            }
            help.value(columns.length + 2, 0, "第一行是表头，每行一条意见建议；空行忽略。表头也可用英文字段名（field 列）。");
            help.width(3, 100);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the XLSX template", e);
        }
        return out.toByteArray();
    }
}
