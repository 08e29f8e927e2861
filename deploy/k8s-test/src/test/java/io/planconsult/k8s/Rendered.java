package io.planconsult.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * The objects of one rendered kustomization, each parsed into its real model. A kind the platform does not use is an
 * error, and so is a field the model does not know (see {@link UnknownFields}).
 */
final class Rendered {

    /**
     * apiVersion + kind → model. Kubernetes: fabric8; Strimzi: its api artifact; the other operators: strict records.
     */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class),
            Map.entry("postgresql.cnpg.io/v1/Cluster", OperatorModels.CnpgCluster.class),
            Map.entry("keda.sh/v1alpha1/ScaledObject", OperatorModels.ScaledObject.class),
            Map.entry("keda.sh/v1alpha1/TriggerAuthentication", OperatorModels.TriggerAuthentication.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", OperatorModels.ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", OperatorModels.PrometheusRule.class));

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .findAndRegisterModules();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final List<Object> objects;

    private Rendered(List<Object> objects) {
        this.objects = objects;
    }

    /** Renders a kustomization with {@code kubectl kustomize}. */
    static Rendered kustomize(Path dir) throws IOException, InterruptedException {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
        byte[] out = kubectl.getInputStream().readAllBytes();
        String err = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!kubectl.waitFor(120, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + err);
        }
        return parse(new String(out, StandardCharsets.UTF_8));
    }

    static Rendered parse(String yaml) throws IOException {
        List<Object> objects = new ArrayList<>();
        for (JsonNode node : YAML.readValues(YAML.createParser(yaml), JsonNode.class).readAll()) {
            if (node == null || node.isNull() || node.isEmpty()) {
                continue;
            }
            String key = node.path("apiVersion").asText() + "/" + node.path("kind").asText();
            Class<?> model = MODELS.get(key);
            if (model == null) {
                throw new IllegalArgumentException("no model for " + key + " (" + node.path("metadata").path("name")
                        + ")");
            }
            Object object = JSON.treeToValue(node, model);
            UnknownFields.assertNone(object, key + " " + node.path("metadata").path("name").asText());
            objects.add(object);
        }
        return new Rendered(List.copyOf(objects));
    }

    <T> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<Object> objects() {
        return objects;
    }
}
