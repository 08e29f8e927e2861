package io.planconsult.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * Reads a report export as the documents it is made of (one for JSON, CSV and HTML; every part of an XLSX package)
 * and checks each for personal data in the forms DOMAIN.md names: mobile and landline numbers, ID numbers, e-mail.
 */
final class ExportScan {

    /** Neither preceded nor followed by a letter or digit: a UUID's hex groups (-18202407177d) are no phone numbers. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![0-9A-Za-z])(?:\\+?86[- ]?)?1[3-9][0-9](?:[- ]?[0-9]{4}){2}(?![0-9A-Za-z])"
                    + "|(?<![0-9A-Za-z])0[0-9]{2,3}-[0-9]{7,8}(?![0-9A-Za-z])");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ExportScan() {
    }

    /** GETs {@code url} with {@code bearer} (200 expected) and returns the documents of the export. */
    static List<String> documents(String url, String format, String bearer) throws IOException, InterruptedException {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), url);
        return format.equals("xlsx") ? unzip(response.body())
                : List.of(new String(response.body(), StandardCharsets.UTF_8));
    }

    /** Fails naming {@code url} when the document carries a number or address of those forms, or a known value. */
    static void assertNoPersonalData(String url, String document, List<String> known) {
        for (Pattern pattern : List.of(PHONE, ID_NUMBER, EMAIL)) {
            Matcher m = pattern.matcher(document);
            boolean found = m.find();
            assertFalse(found, url + " carries " + (found ? m.group() : ""));
        }
        for (String value : known) {
            assertFalse(document.contains(value), url + " carries " + value);
        }
    }

    private static List<String> unzip(byte[] zip) throws IOException {
        List<String> parts = new ArrayList<>();
        Path file = Files.createTempFile("report", ".xlsx");
        Files.write(file, zip);
        // Through the central directory, as Excel reads it (fastexcel streams entries with data descriptors).
        try (var archive = new ZipFile(file.toFile())) {
            for (var entry : Collections.list(archive.entries())) {
                String xml = new String(archive.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                // fastexcel writes non-ASCII characters as XML character references: scan the text they stand for.
                parts.add(Pattern.compile("&#x([0-9a-fA-F]+);").matcher(xml).replaceAll(
                        m -> Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1), 16)))));
            }
        } finally {
            Files.delete(file);
        }
        assertTrue(parts.size() > 3, "an XLSX package");
        return parts;
    }
}
