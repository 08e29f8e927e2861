package io.planconsult.tagging.tools.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.planconsult.tagging.text.JsonResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads labelled suggestions, one JSON object a line. */
public final class Jsonl {

    private Jsonl() {
    }

    public static List<LabelledSuggestion> read(Path file) {
        List<LabelledSuggestion> rows = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    rows.add(parse(JsonResources.MAPPER.readTree(line)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return rows;
    }

    private static LabelledSuggestion parse(JsonNode n) {
        return new LabelledSuggestion(text(n, "id"), text(n, "text"), text(n, "district"), strings(n, "topics"),
                strings(n, "pii"), text(n, "style"), text(n, "dup_of"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        JsonNode v = n.get(field);
        if (v != null && v.isArray()) {
            v.forEach(e -> out.add(e.asText()));
        }
        return out;
    }
}
