package io.planconsult.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;

import com.fasterxml.jackson.databind.JsonNode;

import io.planconsult.contract.Topics;
import io.planconsult.infra.LocalKafkaBroker;

/**
 * Each stage drains by itself (issue 14, target 3). On a fresh broker it pre-fills the stage's input topic with N
 * records over P partitions (tagging: suggestion-submitted events, {@link SubmittedLoad}; reporting: tagged events,
 * {@link TaggedLoad}), reads them with a plain Kafka consumer (the baseline), then times the drain by the packaged
 * service: once with one instance pinned to core 0, once with two instances of one consumer group pinned to cores 0
 * and 1 ({@code taskset}), each run with a fresh consumer group and a fresh PostgreSQL schema. The drain is over when
 * the group's committed lag on the input topic is 0. It prints both rates, the scale factor (aim ≥ 1.7), CPU per
 * record split between the service instances, the broker and the instances' PostgreSQL backends, and each instance's
 * RSS at the end (target 7: under 400 MB).
 *
 * <pre>deploy/bench-stage-drain --stage tagging|reporting [--n 100000] [--partitions 6] [--jfr]</pre>
 *
 * <p>{@code --jfr} records each instance with Java Flight Recorder (profile settings) into the work directory.
 */
public final class StageDrainBenchmark {

    /** @param groupProperty the configuration property that sets the stage's consumer group */
    record Stage(String name, String module, String topic, String groupProperty, String channel) {
    }

    record Drain(int instances, long records, double seconds, double serviceCpu, double brokerCpu,
            double databaseCpu, List<Double> rss) {
        double rate() {
            return records / seconds;
        }
    }

    /** What a caller does with the drained instances before they stop and their schema is dropped. */
    @FunctionalInterface
    interface AfterDrain {
        AfterDrain NOTHING = (instances, schema) -> {
        };

        void accept(List<ServiceProcess> instances, String schema) throws Exception;
    }

    static final Map<String, Stage> STAGES = Map.of(
            "tagging", new Stage("tagging", "tagging-service", Topics.SUGGESTIONS_SUBMITTED,
                    "mp.messaging.incoming.suggestions-submitted.group.id", "suggestions-submitted"),
            "reporting", new Stage("reporting", "reporting-service", Topics.SUGGESTIONS_TAGGED, "reporting.group-id",
                    "suggestions-tagged"));
    private static final double SCALE_AIM = 1.7;
    private static final double RSS_AIM_MB = 400;

    private StageDrainBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ServiceProcess.stopAllOnExit();
        Map<String, String> options = LoadCommand.options(args);
        Stage stage = STAGES.get(options.getOrDefault("stage", ""));
        if (stage == null) {
            throw new IllegalArgumentException("--stage tagging|reporting");
        }
        int n = Integer.parseInt(options.getOrDefault("n", "100000"));
        int partitions = Integer.parseInt(options.getOrDefault("partitions", "6"));
        boolean jfr = options.containsKey("jfr");
        Path repo = Path.of(System.getProperty("planconsult.repo", ".")).toAbsolutePath().normalize();
        Path work = repo.resolve(".local/bench-drain-" + stage.name());
        Files.createDirectories(work);
        List<JsonNode> dev = TaggedLoad.devRows(
                Path.of(options.getOrDefault("data", DevSet.defaultPath(repo).toString())));
        BenchTable.header(String.format("stage drain: %s, %,d records over %d partitions, PostgreSQL", stage.name(), n,
                partitions));
        try (LocalKafkaBroker broker = LocalKafkaBroker.scratch(work)) {
            broker.start();
            ensurePartitions(broker.bootstrapServers(), stage.topic(), partitions);
            double produced = stage.name().equals("tagging") ? SubmittedLoad.produce(broker.bootstrapServers(), dev, n)
                    : TaggedLoad.produce(broker.bootstrapServers(), dev, n);
            BenchTable.progress("produced %,d records at %,.0f/s", n, produced);
            double plain = TaggedLoad.plainConsumer(broker.bootstrapServers(), stage.topic(), n);
            BenchTable.progress("plain consumer %,.0f records/s", plain);
            LocalKeys keys = LocalKeys.in(work.resolve("keys"));
            Drain one = drain(repo, work, stage, broker, keys, 1, n, jfr, AfterDrain.NOTHING);
            Drain two = drain(repo, work, stage, broker, keys, 2, n, jfr, AfterDrain.NOTHING);
            String what = "3. " + stage.name() + " drain";
            String base = String.format("plain consumer %,.0f records/s", plain);
            BenchTable.row(what + ", 1 instance (core 0)", rate(one), base, "", null);
            BenchTable.row(what + ", 2 instances (cores 0, 1)", rate(two), base, "", null);
            double scale = two.rate() / one.rate();
            BenchTable.row("3. " + stage.name() + " scale factor, 2 ÷ 1 instance", String.format("%.2f", scale),
                    String.format("%,.0f records/s", one.rate()), "≥ " + SCALE_AIM, scale >= SCALE_AIM);
            for (Drain d : List.of(one, two)) {
                BenchTable.row(String.format("3. %s CPU per record, %d instance(s): service / broker / PostgreSQL",
                        stage.name(), d.instances()), String.format("%.2f / %.2f / %.2f ms",
                        perRecord(d.serviceCpu(), d), perRecord(d.brokerCpu(), d), perRecord(d.databaseCpu(), d)),
                        "", "", null);
                double worst = d.rss().stream().mapToDouble(Double::doubleValue).max().orElse(0);
                BenchTable.row(String.format("7. %s RSS at the end, %d instance(s)", stage.name(), d.instances()),
                        String.join(", ", d.rss().stream().map(r -> String.format("%.0f MB", r)).toList()),
                        "", "< " + (int) RSS_AIM_MB + " MB", worst < RSS_AIM_MB);
            }
            BenchTable.footer();
        }
    }

    private static String rate(Drain d) {
        return String.format("%,.0f records/s (%,d in %.1f s)", d.rate(), d.records(), d.seconds());
    }

    static double perRecord(double cpuSeconds, Drain d) {
        return cpuSeconds * 1000 / d.records();
    }

    static Drain drain(Path repo, Path work, Stage stage, LocalKafkaBroker broker, LocalKeys keys,
            int instances, int n, boolean jfr, AfterDrain after) throws Exception {
        String schema = "bench_drain_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        BenchDatabase database = BenchDatabase.fromEnvironment();
        String group = "drain-" + schema;
        database.execute("CREATE SCHEMA " + schema);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("QUARKUS_LOG_CATEGORY__IO_PLANCONSULT__LEVEL", "WARN");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.urlOf(schema) + "&ApplicationName=" + schema);
        env.put("QUARKUS_DATASOURCE_USERNAME", database.user());
        env.put("QUARKUS_FLYWAY_SCHEMAS", schema);
        env.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "30S");
        env.put("TAGGING_TEXT_KEYS_SERVICE_TOKEN", "bench-not-used");
        Path app = repo.resolve(stage.module()).resolve("target/quarkus-app");
        int cores = Runtime.getRuntime().availableProcessors();
        List<ServiceProcess> running = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                String name = stage.name() + "-" + instances + "x-" + i;
                // System properties, not environment variables: a channel's name has a dash, which the mapping of
                // variables to properties cannot tell from a dot. The drain is read from the committed lag: commit
                // once a second instead of every 5 s.
                List<String> jvm = new ArrayList<>(List.of(
                        "-Dmp.jwt.verify.publickey.location=" + keys.publicKey().toAbsolutePath(),
                        "-D" + stage.groupProperty() + "=" + group,
                        "-Dmp.messaging.incoming." + stage.channel() + ".auto.commit.interval.ms=1000"));
                if (jfr) {
                    jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                            + work.resolve(name + ".jfr"));
                }
                running.add(new ServiceProcess(name, app, LocalKafkaBroker.freePort(), env, jvm,
                        work.resolve(name + ".log")).pinnedTo(i % cores));
            }
            running.forEach(ServiceProcess::start);
            running.forEach(s -> s.awaitUp(Duration.ofMinutes(5)));
            // Timed from when every instance holds partitions: one that starts sooner drains alone meanwhile.
            long assignDeadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (ConsumerLag.membersAssigned(broker.bootstrapServers(), group, stage.topic()) < instances
                    && System.nanoTime() < assignDeadline) {
                ServiceProcess.sleep(100);
            }
            long start = System.nanoTime();
            long lag = ConsumerLag.of(broker.bootstrapServers(), group, stage.topic());
            long atStart = lag < 0 ? n : lag;
            double serviceCpu0 = running.stream().mapToDouble(s -> ProcessStats.cpuSeconds(s.pid())).sum();
            double brokerCpu0 = ProcessStats.cpuSeconds(broker.pid());
            double databaseCpu0 = ProcessStats.backendCpuSeconds(database.url(), database.user(), schema);
            long lastPrint = start;
            while (lag != 0) {
                ServiceProcess.sleep(250);
                lag = ConsumerLag.of(broker.bootstrapServers(), group, stage.topic());
                if (System.nanoTime() - lastPrint > TimeUnit.SECONDS.toNanos(15)) {
                    BenchTable.progress("%d instance(s): lag %,d (load average %s)", instances, lag,
                            ProcessStats.loadAverage());
                    lastPrint = System.nanoTime();
                }
                if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(60)) {
                    throw new IllegalStateException("not drained within 60 minutes; lag " + lag);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double serviceCpu = running.stream().mapToDouble(s -> ProcessStats.cpuSeconds(s.pid())).sum() - serviceCpu0;
            double brokerCpu = ProcessStats.cpuSeconds(broker.pid()) - brokerCpu0;
            double databaseCpu = ProcessStats.backendCpuSeconds(database.url(), database.user(), schema) - databaseCpu0;
            List<Double> rss = running.stream().map(s -> ProcessStats.rssMegabytes(s.pid())).toList();
            BenchTable.progress("%d instance(s): %,d records in %.1f s; load average %s", instances, atStart, seconds,
                    ProcessStats.loadAverage());
            if (atStart < n / 2) {
                BenchTable.progress("warning: %,d of %,d records were left when all %d instance(s) held partitions: "
                        + "run with a larger --n for a fair rate", atStart, n, instances);
            }
            after.accept(running, schema);
            return new Drain(instances, atStart, seconds, serviceCpu, brokerCpu, databaseCpu, rss);
        } finally {
            running.forEach(ServiceProcess::stop);
            database.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** The broker makes the contract's topics at start: this only raises their partition count if asked for more. */
    static void ensurePartitions(String bootstrap, String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
                return;
            }
            int now = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
            if (now < partitions) {
                admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(partitions))).all()
                        .get(30, TimeUnit.SECONDS);
            }
        }
    }
}
