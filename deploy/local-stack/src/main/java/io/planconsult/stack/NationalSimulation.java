package io.planconsult.stack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

import com.fasterxml.jackson.databind.JsonNode;

import io.planconsult.contract.Topics;
import io.planconsult.contract.reference.ReferenceData;
import io.planconsult.infra.LocalKafkaBroker;

/**
 * The national simulation (issue 14, target 8): a generated registry ({@link NationalRegistry}: by default 50,000
 * stations across 300 cities) and N synthetic tagged suggestions (default 1,000,000) pushed through the local broker
 * with P partitions (default 24), then drained by the packaged reporting service into one read model, whose tally
 * queries are timed at that size; and a sample of submitted suggestions from the largest city (its own campaign, so
 * its own near-duplicate index: dedup is scoped per city) drained by the packaged tagging service. It prints the
 * registry, the per-partition skew (and what keying by city instead of by suggestion would do), each stage's
 * throughput and CPU per record, the largest dedup shard, the tally query p99, the database bytes per suggestion, and
 * the capacity plan those figures give for a national campaign (see the README's capacity plan).
 *
 * <pre>deploy/bench-national [--n 1000000] [--cities 300] [--stations 50000] [--partitions 24] [--instances 2]
 *     [--tagging-sample 3000] [--queries 200] [--zipf 1.0] [--jfr]</pre>
 *
 * <p>{@code --jfr} records every service instance with Java Flight Recorder into {@code .local/bench-national}.
 */
public final class NationalSimulation {

    /** The seed campaign (DOMAIN.md): 1,550 suggestions over about three months from the seed city's stations. */
    static final int SEED_SUGGESTIONS = 1_550;
    /**
     * The seed campaign's peak, an assumption the README states: its last day brings a fifth of the campaign within
     * eight working hours (suggestions/s).
     */
    static final double SEED_PEAK_PER_SECOND = SEED_SUGGESTIONS * 0.2 / (8 * 3600);
    /** Instances are sized so each stage runs at half its measured rate at the peak. */
    static final double UTILISATION = 0.5;

    private NationalSimulation() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = LoadCommand.options(args);
        int n = Integer.parseInt(options.getOrDefault("n", "1000000"));
        int cityCount = Integer.parseInt(options.getOrDefault("cities", "300"));
        int stationCount = Integer.parseInt(options.getOrDefault("stations", "50000"));
        int partitions = Integer.parseInt(options.getOrDefault("partitions", "24"));
        int instances = Integer.parseInt(options.getOrDefault("instances", "2"));
        int taggingSample = Integer.parseInt(options.getOrDefault("tagging-sample", "3000"));
        int queries = Integer.parseInt(options.getOrDefault("queries", "200"));
        double zipf = Double.parseDouble(options.getOrDefault("zipf", "1.0"));
        boolean jfr = options.containsKey("jfr");
        Path repo = Path.of(System.getProperty("planconsult.repo", ".")).toAbsolutePath().normalize();
        Path work = repo.resolve(".local/bench-national");
        Files.createDirectories(work);
        List<JsonNode> dev = TaggedLoad.devRows(
                Path.of(options.getOrDefault("data", DevSet.defaultPath(repo).toString())));

        NationalRegistry registry = NationalRegistry.generate(cityCount, stationCount, zipf);
        int[] stationOf = new int[n];
        Random random = new Random(15);
        int[] perCity = new int[cityCount];
        for (int i = 0; i < n; i++) {
            stationOf[i] = registry.stationOf(random);
            perCity[registry.cityOf(stationOf[i]).index()]++;
        }
        NationalRegistry.City largest = registry.cities().get(0);
        int[] sortedCities = perCity.clone();
        Arrays.sort(sortedCities);

        BenchTable.header(String.format("national simulation: %,d suggestions from %,d stations in %d cities "
                + "(Zipf s = %.1f), %d partitions, %d instance(s) per stage", n, stationCount, cityCount, zipf,
                partitions, instances));
        ServiceProcess.stopAllOnExit();
        String autovacuum = setting("autovacuum");
        BenchTable.row("8. PostgreSQL autovacuum", autovacuum, "", "on (the default; a read model of millions of "
                + "updated rows needs it)", "on".equals(autovacuum));
        BenchTable.row("8. registry", String.format("%,d stations, %,d districts in %d cities; largest city %,d "
                + "stations (%.1f %%), median %,d, smallest %,d", registry.stations(), registry.districts(), cityCount,
                largest.stations(), 100.0 * largest.stations() / registry.stations(),
                registry.cities().get(cityCount / 2).stations(), registry.cities().get(cityCount - 1).stations()),
                "", "", null);
        BenchTable.row("8. largest dedup shard (dedup scoped per city: the largest city's suggestions)",
                String.format("%,d suggestions (%.1f %% of all); median city %,d, smallest %,d", perCity[0],
                        100.0 * perCity[0] / n, sortedCities[cityCount / 2], sortedCities[0]), "", "", null);

        try (LocalKafkaBroker broker = LocalKafkaBroker.scratch(work)) {
            broker.start();
            String bootstrap = broker.bootstrapServers();
            StageDrainBenchmark.ensurePartitions(bootstrap, Topics.SUGGESTIONS_TAGGED, partitions);
            StageDrainBenchmark.ensurePartitions(bootstrap, Topics.SUGGESTIONS_SUBMITTED, partitions);
            double produced = TaggedLoad.produce(bootstrap, dev, n, i -> origin(registry, stationOf[i]));
            BenchTable.progress("produced %,d tagged events at %,.0f/s", n, produced);
            BenchTable.row("8. tagged events produced (acks=all, lz4)", String.format("%,.0f events/s", produced), "",
                    "", null);
            skew(bootstrap, partitions, n, registry, stationOf);
            double plain = TaggedLoad.plainConsumer(bootstrap, Topics.SUGGESTIONS_TAGGED, n);
            BenchTable.progress("plain consumer %,.0f records/s", plain);
            String plainRow = String.format("plain consumer %,.0f records/s", plain);

            LocalKeys keys = LocalKeys.in(work.resolve("keys"));
            String bearer = Tokens.mint(keys, "analyst", null, Duration.ofHours(8));
            double[] reportingBytes = new double[1];
            StageDrainBenchmark.Drain reporting = StageDrainBenchmark.drain(repo, work,
                    StageDrainBenchmark.STAGES.get("reporting"), broker, keys, instances, n, jfr,
                    (running, schema) -> {
                        settle(schema);
                        String base = running.get(0).baseUrl();
                        JsonNode station = Api.JSON.readTree(Latency.get(base + "/api/v1/tallies?by=station", bearer));
                        BenchTable.row("8. reporting read model after the drain", String.format("%,d suggestions, "
                                + "%,d station x topic cells", station.get("total").asLong(),
                                station.get("cells").size()), "", "", null);
                        for (String by : List.of("station", "channel", "day")) {
                            Latency.row("8. GET /api/v1/tallies?by=" + by + " at that size", base
                                    + "/api/v1/tallies?by=" + by, bearer, queries, 10);
                        }
                        Latency.row("8. GET /api/v1/reports/general at that size", base + "/api/v1/reports/general",
                                bearer, Math.max(10, queries / 4), 50);
                        reportingBytes[0] = schemaBytes(schema) / n;
                    });
            stageRows("reporting", reporting, plainRow);

            // The largest city's own campaign: its suggestions only, through its own near-duplicate index.
            int[] largestStations = IntStream.range(0, n).filter(i -> registry.cityOf(stationOf[i]).index() == 0)
                    .limit(taggingSample).map(i -> stationOf[i]).toArray();
            SubmittedLoad.produce(bootstrap, dev, largestStations.length,
                    i -> origin(registry, largestStations[i]));
            double[] taggingBytes = new double[1];
            StageDrainBenchmark.Drain tagging = StageDrainBenchmark.drain(repo, work,
                    StageDrainBenchmark.STAGES.get("tagging"), broker, keys, instances, largestStations.length, jfr,
                    (running, schema) -> taggingBytes[0] = schemaBytes(schema) / largestStations.length);
            stageRows("tagging (the largest city's campaign)", tagging, "");

            BenchTable.row("8. database bytes per suggestion: reporting / tagging", String.format("%,.0f / %,.0f B",
                    reportingBytes[0], taggingBytes[0]), "", "", null);
            plan(registry, reporting.rate() / instances, tagging.rate() / instances, reportingBytes[0],
                    taggingBytes[0]);
            BenchTable.footer();
        }
    }

    private static EventLoad.Origin origin(NationalRegistry registry, int station) {
        NationalRegistry.City city = registry.cityOf(station);
        return new EventLoad.Origin(registry.stationId(station), city.district(station), city.code() + "/");
    }

    /**
     * The records per partition as the broker holds them (keyed by suggestion id, the default partitioner), and what
     * keying by city would give: one city's whole traffic on one partition.
     */
    private static void skew(String bootstrap, int partitions, int n, NationalRegistry registry, int[] stationOf)
            throws Exception {
        long[] held = new long[partitions];
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                ask.put(new TopicPartition(Topics.SUGGESTIONS_TAGGED, p), OffsetSpec.latest());
            }
            admin.listOffsets(ask).all().get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> held[tp.partition()] = info.offset());
        }
        long[] byCity = new long[partitions];
        for (int i = 0; i < n; i++) {
            byte[] key = registry.cityOf(stationOf[i]).code().getBytes(StandardCharsets.UTF_8);
            byCity[Utils.toPositive(Utils.murmur2(key)) % partitions]++;
        }
        double mean = (double) n / partitions;
        BenchTable.row("8. per-partition skew, key = suggestion id (as published)", String.format("largest %,d / "
                + "smallest %,d records: max ÷ mean %.3f", Arrays.stream(held).max().orElse(0),
                Arrays.stream(held).min().orElse(0), Arrays.stream(held).max().orElse(0) / mean),
                String.format("mean %,.0f", mean), "", null);
        BenchTable.row("8. the same if keyed by city (not done: shown as the reason)", String.format("largest %,d / "
                + "smallest %,d records: max ÷ mean %.2f", Arrays.stream(byCity).max().orElse(0),
                Arrays.stream(byCity).min().orElse(0), Arrays.stream(byCity).max().orElse(0) / mean), "", "", null);
    }

    private static void stageRows(String stage, StageDrainBenchmark.Drain d, String baseline) {
        BenchTable.row(String.format("8. %s drain, %d instance(s)", stage, d.instances()), String.format(
                "%,.0f records/s (%,d in %.1f s); CPU per record service / broker / PostgreSQL %.2f / %.2f / %.2f ms; "
                        + "RSS %s", d.rate(), d.records(), d.seconds(),
                StageDrainBenchmark.perRecord(d.serviceCpu(), d),
                StageDrainBenchmark.perRecord(d.brokerCpu(), d), StageDrainBenchmark.perRecord(d.databaseCpu(), d),
                String.join(", ", d.rss().stream().map(r -> String.format("%.0f MB", r)).toList())), baseline, "",
                null);
    }

    /**
     * The capacity plan for three design rates: 10 times the seed campaign's peak in every city at once (the issue's
     * literal reading), the same per station (the registry's stations against the seed city's), and 1,000/s (a hotline
     * on top). Per stage: instances to run at {@link #UTILISATION} of the rate one instance reached here.
     */
    private static void plan(NationalRegistry registry, double reportingPerInstance, double taggingPerInstance,
            double reportingBytes, double taggingBytes) {
        int seedStations = ReferenceData.stations().stations().size();
        double perCity = 10 * SEED_PEAK_PER_SECOND * registry.cities().size();
        double perStation = 10 * SEED_PEAK_PER_SECOND / seedStations * registry.stations();
        long campaign = Math.round((double) SEED_SUGGESTIONS / seedStations * registry.stations());
        record Design(String name, double rate) {
        }
        for (Design design : List.of(new Design("10 × the seed peak per city", perCity),
                new Design("10 × the seed peak per station", perStation), new Design("a hotline on top", 1000))) {
            BenchTable.row(String.format("8. plan: %s, %,.0f suggestions/s", design.name(), design.rate()),
                    String.format("tagging %d, reporting %d instance(s) at %.0f %% of their rate here",
                            instancesFor(design.rate(), taggingPerInstance),
                            instancesFor(design.rate(), reportingPerInstance), UTILISATION * 100), "", "", null);
        }
        BenchTable.row("8. plan: database size for a campaign of " + String.format("%,d", campaign)
                + " suggestions (the seed's per station)", String.format("reporting %.1f GB, tagging %.1f GB",
                        campaign * reportingBytes / 1e9, campaign * taggingBytes / 1e9), "", "", null);
    }

    private static int instancesFor(double rate, double perInstance) {
        return Math.max(2, (int) Math.ceil(rate / (perInstance * UTILISATION)));
    }

    /**
     * What an operator does after a bulk load before timing queries: let autovacuum's work on the fresh tables happen
     * now ({@code VACUUM ANALYZE} of the schema's tables, not the whole database's) and the services' JIT finish, so
     * the figures show the steady state.
     */
    private static void settle(String schema) throws Exception {
        try (Connection c = BenchDatabase.fromEnvironment().connect(); var st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) "
                    + "FROM pg_tables WHERE schemaname = '" + schema + "'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (!tables.isEmpty()) {
                st.execute("VACUUM ANALYZE " + String.join(", ", tables));
            }
        }
        Thread.sleep(5_000);
    }

    private static String setting(String name) throws SQLException {
        try (Connection c = BenchDatabase.fromEnvironment().connect(); var st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static double schemaBytes(String schema) throws SQLException {
        try (Connection c = BenchDatabase.fromEnvironment().connect();
                var st = c.prepareStatement("SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                        + "JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = ? AND c.relkind = 'r'")) {
            st.setString(1, schema);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }
}
