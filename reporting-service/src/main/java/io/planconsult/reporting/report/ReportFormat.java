package io.planconsult.reporting.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The formats every report is served in, chosen by {@code ?format=} or else the {@code Accept} header. */
public enum ReportFormat {
    JSON("application/json", "json"),
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    HTML("text/html; charset=UTF-8", "html");

    private final String mediaType;
    private final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public static Optional<ReportFormat> fromCode(String code) {
        for (ReportFormat f : values()) {
            if (f.extension.equals(code.toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The first format the Accept header names, in the client's order of preference (q values); JSON when it names
     * none of them or accepts anything.
     */
    public static ReportFormat fromAccept(List<jakarta.ws.rs.core.MediaType> acceptable) {
        for (jakarta.ws.rs.core.MediaType m : acceptable) {
            if (m.isWildcardType()) {
                return JSON;
            }
            String type = m.getType() + "/" + m.getSubtype();
            for (ReportFormat f : values()) {
                if (f.mediaType.startsWith(type + ";") || f.mediaType.equals(type)) {
                    return f;
                }
            }
        }
        return JSON;
    }
}
