package io.planconsult.reporting.report;

import static io.planconsult.reporting.report.ReportTable.Column.code;
import static io.planconsult.reporting.report.ReportTable.Column.label;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.planconsult.reporting.report.Reports.SuggestionRow;
import jakarta.enterprise.context.ApplicationScoped;

/** Lays each report out as the tables its CSV, XLSX and printable HTML exports show. */
@ApplicationScoped
public class ReportTables {

    /** A report as a titled set of tables, with a file name for downloads. */
    public record Document(String fileName, String title, String subtitle, String generatedAt,
            List<ReportTable> tables) {
    }

    private final DisplayNames names;
    private final DateTimeFormatter time;

    ReportTables(DisplayNames names, @ConfigProperty(name = "reporting.reports.time-zone",
            defaultValue = "Asia/Shanghai") ZoneId zone) {
        this.names = names;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    public Document general(Reports.General r) {
        Reports.Totals t = r.totals();
        ReportTable totals = ReportTable.of("总体", "总体情况", code("代码"), label("指标"), label("数值"))
                .row("suggestions", "建议总数", t.suggestions())
                .row("points", "不同意见点数（相似建议合并）", t.points())
                .row("needsReview", "待人工复核", t.needsReview())
                .row("notSuggestions", "非意见建议（问候、测试等，另计）", t.notSuggestions())
                .row("forums", "座谈会场次", t.forums())
                .row("forumParticipants", "座谈会参加人次", t.forumParticipants())
                .row("forumDeputies", "参加座谈会代表人次", t.forumDeputies());
        ReportTable districts = ReportTable.of("按区县", "按区县统计", code("区县代码"), label("区县"), label("收集地（联络站所在区县）"),
                label("涉及地（建议内容所指区县）"));
        r.byDistrict().forEach(d -> districts.row(d.code(), d.name(), d.station(), d.subject()));
        ReportTable topics = ReportTable.of("按重点方面", "按重点方面统计", code("方面代码"), label("重点方面"), label("建议数（主要方面）"),
                label("提及数（含次要方面）"), label("不同意见点数"));
        r.byTopic().forEach(x -> topics.row(x.code(), x.name(), x.count(), x.mentions(), x.points()));
        ReportTable channels = ReportTable.of("按渠道", "按收集渠道统计", code("渠道代码"), label("渠道"), label("建议数"));
        r.byChannel().forEach(c -> channels.row(c.code(), c.name(), c.count()));
        ReportTable days = ReportTable.of("按日趋势", "按日趋势（" + r.trend().timeZone() + "）", code("日期代码"), label("日期"),
                label("建议数"));
        r.trend().perDay().forEach(d -> days.row(d.date().toString(), d.date().toString(), d.count()));
        ReportTable weeks = ReportTable.of("按周趋势", "按周趋势", code("周代码"), label("周（自周一起）"), label("建议数"));
        r.trend().perWeek().forEach(w -> weeks.row(w.week(), w.weekStart().toString(), w.count()));
        ReportTable forums = ReportTable.of("座谈会", "座谈会召开情况", code("区县代码"), label("座谈会"), label("日期"), label("区县"),
                label("参加人数"), label("参加代表人数"), label("形成建议数"));
        r.forums().forEach(f -> forums.row(f.district(), f.name(), f.heldOn().toString(), f.districtName(),
                f.participants(),
                f.deputiesPresent(), f.suggestionCount()));
        ReportTable keywords = ReportTable.of("关键词", "各重点方面高频关键词", code("方面代码"), label("重点方面"), label("排名"),
                label("关键词"), label("建议数"));
        r.topKeywords().forEach(k -> {
            int rank = 1;
            for (Reports.KeywordCount c : k.keywords()) {
                keywords.row(k.topic(), k.name(), rank++, c.keyword(), c.count());
            }
        });
        ReportTable points = pointsTable("各重点方面主要意见");
        r.topPoints().forEach(p -> addPoints(points, p.topic(), p.name(), p.points()));
        return new Document("general-report", "杭州市“十五五”规划纲要意见建议调研总报告（数据）", "统计口径：已标注、未撤回的建议；文本均已脱敏",
                time.format(r.generatedAt()), List.of(totals, districts, topics, channels, days, weeks, forums,
                keywords, points));
    }

    public Document topic(Reports.TopicReport r) {
        var topic = r.topic();
        ReportTable summary = ReportTable.of("概况", "概况", code("代码"), label("指标"), label("数值"))
                .row("count", "建议数（主要方面）", r.count())
                .row("mentions", "提及数（含次要方面）", r.mentions())
                .row("points", "不同意见点数", r.points());
        ReportTable districts = ReportTable.of("按区县", "按区县统计", code("区县代码"), label("区县"), label("收集地（联络站所在区县）"),
                label("涉及地（建议内容所指区县）"));
        r.byDistrict().forEach(d -> districts.row(d.code(), d.name(), d.station(), d.subject()));
        ReportTable points = pointsTable("主要意见");
        addPoints(points, topic.code(), topic.name(), r.topPoints());
        ReportTable keywords = ReportTable.of("关键词", "高频关键词", code("方面代码"), label("排名"), label("关键词"), label("建议数"));
        int rank = 1;
        for (Reports.KeywordCount k : r.keywords()) {
            keywords.row(topic.code(), rank++, k.keyword(), k.count());
        }
        ReportTable passages = ReportTable.of("分项意见", "长文本中属于本方面的意见（发言、纪要、代表建议的分项）", code("方面代码"),
                label("序号"), label("意见段落（脱敏）"), label("涉及地"), label("关键词"), code("建议编号"));
        int p = 1;
        for (Reports.PointPassage x : r.passages()) {
            String district = x.textDistrict() == null ? "" : names.district(x.textDistrict()).name();
            passages.row(x.primaryTopic(), p++, x.passage(), district, String.join("、", x.keywords()),
                    x.suggestionId().toString());
        }
        Reports.SuggestionPage page = r.suggestions();
        ReportTable list = suggestionTable("建议列表", "建议列表（第 " + (page.page() + 1) + " 页，每页 " + page.size() + " 条，共 "
                + page.total() + " 条）");
        int n = page.page() * page.size() + 1;
        for (SuggestionRow s : page.items()) {
            addSuggestion(list, n++, s);
        }
        return new Document("topic-report-" + topic.code(), "调研子报告（数据）：" + topic.name(), "统计口径：已标注、未撤回的建议；文本均已脱敏",
                time.format(r.generatedAt()), List.of(summary, districts, points, keywords, passages, list));
    }

    public Document district(Reports.DistrictReport r) {
        var district = r.district();
        String perspective = "station".equals(r.by()) ? "按收集地（联络站所在区县）" : "按涉及地（建议内容所指区县，未指明时为联络站所在区县）";
        ReportTable summary = ReportTable.of("按重点方面", "按重点方面统计", code("方面代码"), label("重点方面"), label("建议数"));
        r.topics().forEach(t -> summary.row(t.code(), t.name(), t.count()));
        ReportTable list = suggestionTable("建议清单", "建议清单");
        int n = 1;
        for (Reports.TopicSection section : r.topics()) {
            for (SuggestionRow s : section.suggestions()) {
                addSuggestion(list, n++, s);
            }
        }
        return new Document("district-list-" + district.code() + "-" + r.by(), district.name() + "意见建议清单",
                perspective + "；共 " + r.total() + " 条（另有非意见建议 " + r.notSuggestions() + " 条）；文本均已脱敏",
                time.format(r.generatedAt()), List.of(summary, list));
    }

    private static ReportTable pointsTable(String title) {
        return ReportTable.of("主要意见", title, code("方面代码"), label("重点方面"), label("排名"), label("提出次数"),
                label("代表性建议（脱敏）"), code("代表建议编号"), code("聚类编号"));
    }

    private static void addPoints(ReportTable table, String topic, String topicName, List<Reports.Point> points) {
        int rank = 1;
        for (Reports.Point p : points) {
            table.row(topic, topicName, rank++, p.count(), nullToEmpty(p.redactedText()), string(p.suggestionId()),
                    string(p.clusterId()));
        }
    }

    private static ReportTable suggestionTable(String sheet, String title) {
        return ReportTable.of(sheet, title, code("方面代码"), label("重点方面"), label("序号"), label("建议内容（脱敏）"), label("渠道"),
                label("联络站"), label("收集地"), label("涉及地"), label("提交时间"), label("关键词"), code("建议编号"));
    }

    private void addSuggestion(ReportTable table, int n, SuggestionRow s) {
        table.row(s.primaryTopic(), names.topic(s.primaryTopic()).name(), n, nullToEmpty(s.redactedText()),
                names.channel(s.channel()).name(),
                nullToEmpty(s.stationId()), names.district(s.stationDistrict()).name(),
                names.district(s.subjectDistrict()).name(),
                s.submittedAt() == null ? "" : time.format(s.submittedAt()), String.join("、", s.keywords()),
                s.suggestionId().toString());
    }

    private static String string(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
