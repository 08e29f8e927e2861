package io.planconsult.reporting.report;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A report as a printable HTML page, rendered server-side by Qute. Every value is escaped by the template engine
 * (an {@code .html} template escapes by default): the public's redacted text is shown as text, never as markup.
 * Code columns are left out; the page is for people.
 */
@ApplicationScoped
public class HtmlExport {

    @TemplateData
    public record Page(String title, String subtitle, String generatedAt, List<Table> tables) {
    }

    @TemplateData
    public record Table(String title, List<String> headers, List<Boolean> numeric, List<List<String>> rows) {
    }

    private final Template template;

    HtmlExport(@Location("report.html") Template template) {
        this.template = template;
    }

    public String write(ReportTables.Document document) {
        List<Table> tables = new ArrayList<>();
        for (ReportTable t : document.tables()) {
            List<Integer> shown = new ArrayList<>();
            for (int c = 0; c < t.columns().size(); c++) {
                if (!t.columns().get(c).code()) {
                    shown.add(c);
                }
            }
            List<String> headers = shown.stream().map(c -> t.columns().get(c).header()).toList();
            List<Boolean> numeric = shown.stream().map(c -> !t.rows().isEmpty() && t.rows().get(0)
                    .get(c) instanceof Number).toList();
            List<List<String>> rows = t.rows().stream()
                    .map(row -> shown.stream().map(c -> row.get(c) == null ? "" : row.get(c).toString()).toList())
                    .toList();
            tables.add(new Table(t.title(), headers, numeric, rows));
        }
        return template.data("page", new Page(document.title(), document.subtitle(), document.generatedAt(), tables))
                .render();
    }
}
