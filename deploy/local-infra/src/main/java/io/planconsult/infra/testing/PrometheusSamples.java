package io.planconsult.infra.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of one Prometheus text-format scrape ({@code /q/metrics}), for tests that assert a meter moved: each
 * sample's name, labels and value; comments and blank lines are skipped.
 */
public final class PrometheusSamples {

    /** Name, labels, value, timestamp, and an OpenMetrics exemplar ({@code # {trace_id=...} 1.0}) if sampled. */
    private static final Pattern LINE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*?)})?\\s+(\\S+)(\\s+-?\\d+)?(\\s+#\\s.*)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    /** One sample. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private PrometheusSamples(List<Sample> samples) {
        this.samples = samples;
    }

    public static PrometheusSamples parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("not a Prometheus sample: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
        }
        return new PrometheusSamples(List.copyOf(samples));
    }

    /** The samples of a name whose labels include all of {@code labels}. */
    public List<Sample> find(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    /** The sum over {@link #find}; 0 when there is none. */
    public double sum(String name, Map<String, String> labels) {
        return find(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    /** How much the sum over {@link #find} grew since {@code before}. */
    public double movedSince(PrometheusSamples before, String name, Map<String, String> labels) {
        return sum(name, labels) - before.sum(name, labels);
    }

    /**
     * Scrapes until samples of {@code name} with {@code labels} exist or {@code timeout} passes: Kafka's client meters
     * appear once a client has its partitions or first sends, and Micrometer binds new ones periodically.
     *
     * @return the samples found, empty after the timeout
     */
    public static List<Sample> await(Supplier<PrometheusSamples> scrape, String name, Map<String, String> labels,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Sample> found = scrape.get().find(name, labels);
        while (found.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            found = scrape.get().find(name, labels);
        }
        return found;
    }

    public List<Sample> all() {
        return samples;
    }
}
