package io.planconsult.k8s;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/**
 * Strict models of the CloudNativePG, KEDA and Prometheus-operator resources the manifests use, written from their
 * published CRD schemas (postgresql.cnpg.io/v1 Cluster, keda.sh/v1alpha1 ScaledObject and TriggerAuthentication,
 * monitoring.coreos.com/v1 ServiceMonitor and PrometheusRule). Only the fields the platform sets are declared, each
 * with the schema's name and type; any other field fails the parse (FAIL_ON_UNKNOWN_PROPERTIES), so a typo or a
 * field of another version cannot slip through.
 */
final class OperatorModels {

    private OperatorModels() {
    }

    record CnpgCluster(String apiVersion, String kind, ObjectMeta metadata, CnpgSpec spec) {
    }

    record CnpgSpec(int instances, Integer minSyncReplicas, Integer maxSyncReplicas, CnpgBootstrap bootstrap,
            CnpgStorage storage, ResourceRequirements resources, CnpgMonitoring monitoring) {
    }

    record CnpgBootstrap(CnpgInitDb initdb) {
    }

    record CnpgInitDb(String database, String owner) {
    }

    record CnpgStorage(String size, String storageClass) {
    }

    record CnpgMonitoring(Boolean enablePodMonitor) {
    }

    record ScaledObject(String apiVersion, String kind, ObjectMeta metadata, ScaledObjectSpec spec) {
    }

    record ScaledObjectSpec(ScaleTarget scaleTargetRef, Integer minReplicaCount, Integer maxReplicaCount,
            Integer pollingInterval, Integer cooldownPeriod, List<Trigger> triggers) {
    }

    record ScaleTarget(String name, String kind, String apiVersion) {
    }

    record Trigger(String type, String name, Map<String, String> metadata, AuthenticationRef authenticationRef) {
    }

    record AuthenticationRef(String name, String kind) {
    }

    record TriggerAuthentication(String apiVersion, String kind, ObjectMeta metadata, TriggerAuthenticationSpec spec) {
    }

    record TriggerAuthenticationSpec(List<SecretTargetRef> secretTargetRef) {
    }

    record SecretTargetRef(String parameter, String name, String key) {
    }

    record ServiceMonitor(String apiVersion, String kind, ObjectMeta metadata, ServiceMonitorSpec spec) {
    }

    record ServiceMonitorSpec(LabelSelector selector, NamespaceSelector namespaceSelector, List<Endpoint> endpoints) {
    }

    record NamespaceSelector(Boolean any, List<String> matchNames) {
    }

    record Endpoint(String port, String path, String interval, String scrapeTimeout) {
    }

    record PrometheusRule(String apiVersion, String kind, ObjectMeta metadata, PrometheusRuleSpec spec) {
    }

    record PrometheusRuleSpec(List<RuleGroup> groups) {
    }

    record RuleGroup(String name, String interval, List<Rule> rules) {
    }

    record Rule(String alert, String record, String expr, @JsonProperty("for") String forDuration,
            Map<String, String> labels, Map<String, String> annotations) {
    }
}
