package io.planconsult.intake.forum;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One suggestion row as it came in, before validation: every value is raw text or {@code null}.
 * {@link #toString()} never shows the values (they may hold personal data).
 *
 * @param row the spreadsheet row number (header = 1) for files, the 1-based position in {@code suggestions} for JSON
 */
public record ImportRow(int row, String text, String channel, String submittedAt, String submitterName,
        String submitterPhone) {

    /** Whether the row carries nothing at all (an empty line in a spreadsheet): such rows are skipped, not reported. */
    @JsonIgnore
    public boolean isBlank() {
        return text == null && channel == null && submittedAt == null && submitterName == null
                && submitterPhone == null;
    }

    @Override
    public String toString() {
        return "ImportRow[row=" + row + ", redacted]";
    }
}
