package io.planconsult.intake.forum;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The forum import's knobs ({@code intake.import.*}, documented in the README). */
@ConfigMapping(prefix = "intake.import")
public interface ImportConfig {

    /**
     * Imports with at most this many rows are processed within the request (201 with the report); larger ones as a job
     * (202).
     */
    @WithDefault("50")
    int syncMaxRows();

    /** The most suggestion rows one import may hold. */
    @WithDefault("10000")
    int maxRows();

    /** An XLSX file's parts inflated, in all, in bytes (zip-bomb guard: more is refused with 413). */
    @WithDefault("52428800")
    long xlsxMaxUnzippedBytes();

    /** The highest inflated/compressed ratio of one XLSX part past 100 KB (more is refused with 413). */
    @WithDefault("100")
    int xlsxMaxCompressionRatio();

    /** The most characters in one XLSX cell (Excel's own limit; more is refused with 400). */
    @WithDefault("32767")
    int xlsxMaxCellChars();

    /** What one uploaded file may hold. */
    default UploadLimits uploadLimits() {
        return new UploadLimits(maxRows(), xlsxMaxUnzippedBytes(), xlsxMaxCompressionRatio(), xlsxMaxCellChars());
    }

    /** Rows stored per transaction. */
    @WithDefault("100")
    int chunkSize();

    /** How long a worker holds a job between chunks before another instance may resume it. */
    @WithDefault("PT1M")
    Duration lease();

    /** How often an idle worker looks for queued jobs and jobs whose worker vanished. */
    @WithDefault("PT2S")
    Duration pollInterval();

    /** After this many starts (the first run plus resumptions) a job that still does not finish is failed. */
    @WithDefault("3")
    int maxAttempts();

    /** The zone of local date-times in files (submittedAt without an offset) and of the forum's date. */
    @WithDefault("Asia/Shanghai")
    String zone();
}
