package io.planconsult.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One class, one job: no Java source of the project passes 300 lines, and no line passes 120 characters (a longer line
 * also counts as as many lines as it would take wrapped at 120). Contract is the first module built, so the rule fails
 * early; it scans every module's sources, tests and tools included.
 */
class SourceSizeTest {

    static final int MAX_LINES = 300;
    static final int LINE_WIDTH = 120;
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** The file's length in lines of at most {@link #LINE_WIDTH} characters. */
    static int wrappedLines(List<String> lines) {
        return lines.stream().mapToInt(line -> Math.max(1, (line.length() + LINE_WIDTH - 1) / LINE_WIDTH)).sum();
    }

    @Test
    void aLongLineCountsAsTheLinesItWouldWrapInto() {
        assertEquals(3, wrappedLines(List.of("", "x".repeat(120), "x")));
        assertEquals(2, wrappedLines(List.of("x".repeat(121))));
    }

    @Test
    void noJavaSourceIsLongerThanThreeHundredLines() throws IOException {
        Map<String, Integer> tooLong = new TreeMap<>();
        List<Path> sources = javaSources();
        assertTrue(sources.size() > 200, "expected the whole project's sources under " + ROOT);
        for (Path file : sources) {
            int lines = wrappedLines(read(file));
            if (lines > MAX_LINES) {
                tooLong.put(ROOT.relativize(file).toString(), lines);
            }
        }
        assertEquals(Map.of(), tooLong, "split these by job (STYLE.md, 'Small things')");
    }

    @Test
    void noLineIsLongerThanOneHundredTwentyCharacters() throws IOException {
        Map<String, Integer> tooWide = new TreeMap<>();
        for (Path file : javaSources()) {
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).length() > LINE_WIDTH) {
                    tooWide.put(ROOT.relativize(file) + ":" + (i + 1), lines.get(i).length());
                }
            }
        }
        assertEquals(Map.of(), tooWide, "wrap these at " + LINE_WIDTH + " characters (STYLE.md)");
    }

    private static List<Path> javaSources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.local/")
                            && !p.toString().contains("/node_modules/"))
                    .toList();
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
