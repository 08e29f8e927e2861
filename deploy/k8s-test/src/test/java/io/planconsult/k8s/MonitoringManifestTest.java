package io.planconsult.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * deploy/monitoring: the ServiceMonitor, the alert rules and the Grafana dashboard parse and cover what the runbook
 * names.
 */
class MonitoringManifestTest {

    static final Path MONITORING = Path.of(System.getProperty("monitoring.dir", "../monitoring"));
    static final Path REPO = MONITORING.resolve("../..");
    /** A meter name as the services' code registers it ("planconsult.intake.outbox.backlog"). */
    private static final Pattern CODE_METER = Pattern.compile("\"(planconsult(?:\\.[a-z]+)+)\"");
    private static final Pattern QUERIED_METER = Pattern.compile("planconsult_[a-z_]+");
    /** What Micrometer's Prometheus naming appends: the base unit, then _total or the histogram's series. */
    private static final Pattern SUFFIXES = Pattern.compile("(_(rows|seconds))?(_total|_bucket|_count|_sum|_max)?$");

    @Test
    void alertRulesCoverLagDeadLettersOutboxAgeAndReadiness() throws Exception {
        Rendered rules = Rendered.parse(Files.readString(MONITORING.resolve("prometheus-rules.yaml")));
        List<OperatorModels.Rule> all = rules.all(OperatorModels.PrometheusRule.class).stream()
                .flatMap(r -> r.spec().groups().stream()).flatMap(g -> g.rules().stream()).toList();
        Set<String> alerts = all.stream().map(OperatorModels.Rule::alert).collect(Collectors.toSet());
        assertTrue(alerts.containsAll(Set.of("PlanconsultConsumerLagGrowing", "PlanconsultDeadLetters",
                "PlanconsultOutboxStale", "PlanconsultNotReady")), alerts.toString());
        OperatorModels.Rule lag = all.stream().filter(r -> r.alert().equals("PlanconsultConsumerLagGrowing"))
                .findFirst().orElseThrow();
        assertEquals("5m", lag.forDuration(), "lag growing for 5 minutes");
        OperatorModels.Rule outbox = all.stream().filter(r -> r.alert().equals("PlanconsultOutboxStale")).findFirst()
                .orElseThrow();
        assertTrue(outbox.expr().contains("planconsult_intake_outbox_oldest_age_seconds") && outbox.expr()
                .contains("> 60"));
        all.forEach(r -> assertTrue(r.annotations().containsKey("runbook"), r.alert() + " links the runbook"));
    }

    @Test
    void serviceMonitorScrapesQuarkusMetricsOfEveryService() throws Exception {
        Rendered monitor = Rendered.parse(Files.readString(MONITORING.resolve("service-monitor.yaml")));
        OperatorModels.ServiceMonitor sm = monitor.all(OperatorModels.ServiceMonitor.class).get(0);
        assertEquals("planconsult", sm.spec().selector().getMatchLabels().get("app.kubernetes.io/part-of"));
        assertEquals("/q/metrics", sm.spec().endpoints().get(0).path());
        assertEquals("http", sm.spec().endpoints().get(0).port());
    }

    @Test
    void everyPlanconsultMeterTheDashboardAndAlertsQueryIsOneTheServicesRegister() throws Exception {
        Set<String> registered = new TreeSet<>();
        for (String service : List.of("intake-service", "tagging-service", "reporting-service")) {
            try (var files = Files.walk(REPO.resolve(service).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = CODE_METER.matcher(Files.readString(file));
                    while (m.find()) {
                        registered.add(m.group(1).replace('.', '_'));
                    }
                }
            }
        }
        String queries = Files.readString(MONITORING.resolve("grafana-dashboard.json"))
                + Files.readString(MONITORING.resolve("prometheus-rules.yaml"));
        Set<String> queried = new TreeSet<>();
        Matcher m = QUERIED_METER.matcher(queries);
        while (m.find()) {
            queried.add(m.group());
        }
        assertFalse(queried.isEmpty());
        for (String name : queried) {
            String base = SUFFIXES.matcher(name).replaceFirst("");
            assertTrue(registered.contains(base),
                    name + " is queried but no service registers " + base + " " + registered);
        }
    }

    @Test
    void dashboardPanelsQueryThePlatformsMeters() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(MONITORING.resolve("grafana-dashboard.json").toFile());
        Set<String> exprs = new HashSet<>();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
        assertFalse(exprs.isEmpty());
        for (String meter : List.of("planconsult_intake_requests_total", "planconsult_intake_outbox_backlog_rows",
                "planconsult_intake_outbox_oldest_age_seconds", "planconsult_intake_outbox_parked_rows",
                "planconsult_tagging_tagged_total", "planconsult_tagging_residual_pii_total",
                "planconsult_tagging_stage_seconds_bucket",
                "planconsult_reporting_tally_query_seconds_bucket", "planconsult_reporting_events_applied_total",
                "planconsult_consumer_dead_letters_total",
                "kafka_consumer_fetch_manager_records_lag", "kafka_producer_topic_record_send_total")) {
            assertTrue(exprs.stream().anyMatch(e -> e.contains(meter)), meter + " on the dashboard");
        }
    }
}
