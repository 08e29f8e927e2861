package io.planconsult.intake.forum;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The columns of a forum import file, in template order. A header matches a column by its Chinese
 * display label, an alias, or its English field name; case, spaces, dots, dashes and underscores
 * are ignored ({@code submitter_name}, {@code Submitter Name} and {@code submitter.name} all match).
 */
public enum ImportColumn {
    TEXT("text", "建议内容", true, "意见建议内容, 意见建议, 建议, 内容", "what was said (1–10,000 characters)"),
    SUBMITTER_NAME("submitterName", "提交人姓名", false, "姓名, 提交人, 建议人", "who said it: contact data, kept in intake only"),
    SUBMITTER_PHONE("submitterPhone", "联系电话", false, "电话, 手机, 手机号", "their phone: contact data, kept in intake only"),
    CHANNEL("channel", "渠道", false, "来源渠道, 来源",
            "forum (default), station, platform, media, deputy, cppcc, or 座谈会, 联络站, 数智平台, 网络媒体, 代表建议, 政协"),
    SUBMITTED_AT("submittedAt", "提交时间", false, "时间, 日期",
    "2026-11-20 09:30, 2026-11-20 or 2026-11-20T09:30:00+08:00 (local times are Beijing time); default: the forum's "
    + "date");

    private final String field;
    private final String label;
    private final boolean required;
    private final List<String> aliases;
    private final String description;

    ImportColumn(String field, String label, boolean required, String aliases, String description) {
        this.field = field;
        this.label = label;
        this.required = required;
        this.aliases = List.of(aliases.split(",\\s*"));
        this.description = description;
    }

    /** The English field name, used in the row report and accepted as a header. */
    public String field() {
        return field;
    }

    /** The Chinese display label, written by the templates. */
    public String label() {
        return label;
    }

    public boolean required() {
        return required;
    }

    public String description() {
        return description;
    }

    /** The column a header names, if any. */
    public static Optional<ImportColumn> forHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String key = normalise(header);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(c -> Stream.concat(Stream.of(c.field, c.label), c.aliases.stream()).map(ImportColumn::normalise)
                .anyMatch(key::equals))
                .findFirst();
    }

    static String normalise(String header) {
        return header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replaceAll("[\\s._\\-]", "");
    }
}
