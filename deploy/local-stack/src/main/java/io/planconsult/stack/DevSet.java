package io.planconsult.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Texts of the labelled development set (../shared/data/dev-suggestions.jsonl), in file order. */
public final class DevSet {

    private DevSet() {
    }

    public static Path defaultPath(Path repo) {
        // ../shared beside the repo; PLANCONSULT_SHARED points elsewhere (e.g. from a git worktree).
        String shared = System.getenv().getOrDefault("PLANCONSULT_SHARED", repo.resolve("../shared").toString());
        return Path.of(shared).resolve("data/dev-suggestions.jsonl").toAbsolutePath().normalize();
    }

    public static List<String> texts(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .map(DevSet::text)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String text(String line) {
        try {
            JsonNode row = Api.JSON.readTree(line);
            return row.get("text").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
