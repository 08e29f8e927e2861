package io.planconsult.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** deploy/monitoring: the ServiceMonitor, the alert rules and the Grafana dashboard parse and cover what the runbook names. */
class MonitoringManifestTest {

    static final Path MONITORING = Path.of(System.getProperty("monitoring.dir", "../monitoring"));

    @Test
    void alertRulesCoverLagDeadLettersOutboxAgeAndReadiness() throws Exception {
        Rendered rules = Rendered.parse(Files.readString(MONITORING.resolve("prometheus-rules.yaml")));
        List<OperatorModels.Rule> all = rules.all(OperatorModels.PrometheusRule.class).stream()
                .flatMap(r -> r.spec().groups().stream()).flatMap(g -> g.rules().stream()).toList();
        Set<String> alerts = all.stream().map(OperatorModels.Rule::alert).collect(Collectors.toSet());
        assertTrue(alerts.containsAll(Set.of("PlanconsultConsumerLagGrowing", "PlanconsultDeadLetters",
                "PlanconsultOutboxStale", "PlanconsultNotReady")), alerts.toString());
        OperatorModels.Rule lag = all.stream().filter(r -> r.alert().equals("PlanconsultConsumerLagGrowing")).findFirst().orElseThrow();
        assertEquals("5m", lag.forDuration(), "lag growing for 5 minutes");
        OperatorModels.Rule outbox = all.stream().filter(r -> r.alert().equals("PlanconsultOutboxStale")).findFirst().orElseThrow();
        assertTrue(outbox.expr().contains("planconsult_intake_outbox_oldest_age_seconds") && outbox.expr().contains("> 60"));
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
    void dashboardPanelsQueryThePlatformsMeters() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(MONITORING.resolve("grafana-dashboard.json").toFile());
        Set<String> exprs = new HashSet<>();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
        assertFalse(exprs.isEmpty());
        for (String meter : List.of("planconsult_intake_requests_total", "planconsult_intake_outbox_backlog_rows",
                "planconsult_intake_outbox_oldest_age_seconds", "planconsult_intake_outbox_parked_rows",
                "planconsult_tagging_tagged_total", "planconsult_tagging_residual_pii_total", "planconsult_tagging_stage_seconds_bucket",
                "planconsult_reporting_tally_query_seconds_bucket", "quarkus_messaging_message_acks_total",
                "kafka_consumer_fetch_manager_records_lag", "kafka_producer_topic_record_send_total")) {
            assertTrue(exprs.stream().anyMatch(e -> e.contains(meter)), meter + " on the dashboard");
        }
    }
}
