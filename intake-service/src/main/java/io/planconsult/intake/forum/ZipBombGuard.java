package io.planconsult.intake.forum;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Inflates every part of an XLSX archive once, counting the bytes actually produced (the sizes an archive declares
 * may lie), and refuses the file as soon as the total or one part's compression ratio passes its limit. Only then
 * does the workbook reader see it. Like Apache POI's {@code ZipSecureFile}, a part's ratio is judged only once it
 * has inflated past {@value #RATIO_GRACE_BYTES} bytes: small XML parts compress well and are harmless. The archive is
 * read through its central directory ({@link ZipFile}, from a temporary file), which knows every part's compressed
 * size and copes with every way Excel, WPS and streaming writers lay parts out.
 */
final class ZipBombGuard {

    static final long RATIO_GRACE_BYTES = 100 * 1024;
    /** An XLSX workbook has a dozen parts; thousands of them is an attack on the reader, not a workbook. */
    static final int MAX_PARTS = 1_000;

    private ZipBombGuard() {
    }

    static void check(byte[] archive, UploadLimits limits) {
        Path file = null;
        try {
            file = Files.createTempFile("planconsult-import-", ".xlsx");
            Files.write(file, archive);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                if (zip.size() > MAX_PARTS) {
                    throw InvalidImportException.tooLarge("has more than " + MAX_PARTS + " parts in its archive");
                }
                long total = 0;
                byte[] buffer = new byte[64 * 1024];
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                    ZipEntry entry = entries.nextElement();
                    long compressed = Math.max(1, entry.getCompressedSize());
                    long inflated = 0;
                    try (InputStream in = zip.getInputStream(entry)) {
                        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                            inflated += n;
                            total += n;
                            if (total > limits.maxUnzippedBytes()) {
                                throw InvalidImportException.tooLarge("inflates to more than "
                                        + limits.maxUnzippedBytes() + " bytes");
                            }
                            if (inflated > RATIO_GRACE_BYTES && inflated > compressed * limits.maxCompressionRatio()) {
                                throw InvalidImportException.tooLarge("has a part compressed more than "
                                        + limits.maxCompressionRatio() + " to 1, as zip bombs are");
                            }
                        }
                    }
                }
            }
        } catch (ZipException e) {
            throw InvalidImportException.unusableFile("file", "is not a readable XLSX workbook");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the uploaded workbook", e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
