package io.planconsult.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class TopicConfigTest {

    @Test
    void shippedConfigurationNamesEveryTopicAsTopicsDoes() throws Exception {
        Properties shipped = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            shipped.load(in);
        }
        Map<String, String> expected = new HashMap<>();
        Topics.CONFIG_KEYS.forEach((topic, key) -> expected.put(key, topic));
        assertEquals(expected, new HashMap<>(Map.copyOf(toMap(shipped))));
        assertEquals(Topics.ALL.stream().map(Topics.TopicSpec::name).sorted().toList(),
                Topics.CONFIG_KEYS.keySet().stream().sorted().toList());
    }

    @Test
    void servicesReferToTopicsThroughConfigExpressionsNotLiterals() throws Exception {
        List<String> literals = new ArrayList<>();
        for (String service : List.of("intake-service", "tagging-service", "reporting-service")) {
            Path file = Path.of("..", service, "src/main/resources/application.properties");
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("#") || !line.contains("=")) {
                    continue;
                }
                String value = line.substring(line.indexOf('=') + 1);
                if (Topics.ALL.stream().anyMatch(t -> value.contains(t.name()))) {
                    literals.add(service + ": " + line);
                }
            }
        }
        assertEquals(List.of(), literals);
    }

    private static Map<String, String> toMap(Properties properties) {
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
        return map;
    }
}
