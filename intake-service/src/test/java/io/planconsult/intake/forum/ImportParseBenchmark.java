package io.planconsult.intake.forum;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Prints how fast an upload of {@code rows} suggestions is read (detection, decoding, parsing, header
 * mapping), per format: the part of an import that runs inside the request before anything is stored.
 * Not a test: run it by hand (see README) and read the figures.
 */
public final class ImportParseBenchmark {

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        StringBuilder csv = new StringBuilder("建议内容,提交人姓名,联系电话,渠道,提交时间\r\n");
        for (int i = 0; i < rows; i++) {
            csv.append("\"建议加快城西科创大走廊与未来科技城之间的轨道交通建设，第").append(i).append("条，增加接驳公交\",居民").append(i)
                    .append(",138").append(String.format("%08d", i)).append(",座谈会,2026-11-20 10:30\r\n");
        }
        byte[] utf8 = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] gbk = csv.toString().getBytes(Charset.forName("GBK"));
        byte[] xlsx = xlsx(rows);
        System.out.printf("%d rows: CSV UTF-8 %,d bytes, CSV GBK %,d bytes, XLSX %,d bytes%n", rows, utf8.length,
                gbk.length, xlsx.length);
        measure("CSV UTF-8", rows, rounds, () -> ParsedFile.read("f.csv", "text/csv", utf8, rows));
        measure("CSV GBK  ", rows, rounds, () -> ParsedFile.read("f.csv", "text/csv", gbk, rows));
        measure("XLSX     ", rows, rounds, () -> ParsedFile.read("f.xlsx", null, xlsx, rows));
    }

    private static void measure(String label, int rows, int rounds, java.util.function.Supplier<ParsedFile> read) {
        read.get(); // warm-up
        double[] perSecond = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            ParsedFile file = read.get();
            long nanos = System.nanoTime() - start;
            if (file.rows().size() != rows) {
                throw new IllegalStateException("read " + file.rows().size() + " rows");
            }
            perSecond[r] = rows / (nanos / 1e9);
        }
        Arrays.sort(perSecond);
        System.out.printf("%s median %,.0f rows/s (range %,.0f–%,.0f over %d rounds)%n", label, perSecond[rounds / 2],
                perSecond[0],
                perSecond[rounds - 1], rounds);
    }

    private static byte[] xlsx(int rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "bench", "1.0");
        Worksheet sheet = workbook.newWorksheet("s");
        ImportColumn[] columns = ImportColumn.values();
        for (int c = 0; c < columns.length; c++) {
            sheet.value(0, c, columns[c].label());
        }
        for (int i = 0; i < rows; i++) {
            sheet.value(i + 1, 0, "建议加快城西科创大走廊与未来科技城之间的轨道交通建设，第" + i + "条，增加接驳公交");
            sheet.value(i + 1, 1, "居民" + i);
            sheet.value(i + 1, 2, 13800000000L + i);
            sheet.value(i + 1, 3, "座谈会");
            sheet.value(i + 1, 4, "2026-11-20 10:30");
        }
        workbook.finish();
        return out.toByteArray();
    }
}
