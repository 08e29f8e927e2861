package io.planconsult.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.planconsult.contract.Topics;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclRule;

/** Every overlay of deploy/k8s renders, parses with the real models, and would run with least privilege. */
class K8sManifestTest {

    static final Path K8S = Path.of(System.getProperty("k8s.dir", "../k8s"));

    private static Rendered render(String overlay) throws Exception {
        return Rendered.kustomize(K8S.resolve("overlays").resolve(overlay));
    }

    private static boolean empty(java.util.Collection<?> values) {
        return values == null || values.isEmpty();
    }

    private static boolean empty(Map<?, ?> values) {
        return values == null || values.isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"laptop-kind", "city", "national"})
    void everyContainerHasProbesLimitsAndARestrictedSecurityContext(String overlay) throws Exception {
        List<Deployment> deployments = render(overlay).all(Deployment.class);
        assertEquals(Set.of("intake-service", "tagging-service", "reporting-service"),
                deployments.stream().map(d -> d.getMetadata().getName()).collect(Collectors.toSet()));
        for (Deployment deployment : deployments) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), deployment.getMetadata().getName());
            for (Container c : pod.getContainers()) {
                String name = deployment.getMetadata().getName() + "/" + c.getName();
                assertNotNull(c.getStartupProbe(), name + " startupProbe");
                assertNotNull(c.getReadinessProbe(), name + " readinessProbe");
                assertNotNull(c.getLivenessProbe(), name + " livenessProbe");
                assertNotNull(c.getResources().getLimits().get("memory"), name + " memory limit");
                assertNotNull(c.getResources().getRequests().get("cpu"), name + " cpu request");
                assertNotNull(c.getResources().getRequests().get("memory"), name + " memory request");
                assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem(),
                        name + " read-only root");
                assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation(), name);
                assertTrue(c.getSecurityContext().getCapabilities().getDrop().contains("ALL"), name + " drops ALL");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"laptop-kind", "city", "national"})
    void kafkaUsersHoldExactlyTheLeastPrivilegeAclMatrix(String overlay) throws Exception {
        Map<String, Set<String>> actual = new HashMap<>();
        for (KafkaUser user : render(overlay).all(KafkaUser.class)) {
            assertEquals("scram-sha-512", user.getSpec().getAuthentication().getType());
            Set<String> grants = new TreeSet<>();
            for (AclRule rule : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
                String resource = rule.getResource().getType() + ":" + AclMatrix.nameOf(rule.getResource());
                Stream.concat(rule.getOperations() == null ? Stream.empty() : rule.getOperations().stream(),
                        Stream.ofNullable(rule.getOperation()))
                        .forEach(op -> grants.add(resource + ":" + op.toValue()));
            }
            actual.put(user.getMetadata().getName(), grants);
        }
        assertEquals(AclMatrix.EXPECTED, actual);
    }

    @ParameterizedTest
    @ValueSource(strings = {"laptop-kind", "city", "national"})
    void onlyTaggingReadsTheInternalTopicAndSubscribersReadOnlyPublicOnes(String overlay) throws Exception {
        Rendered rendered = render(overlay);
        Set<String> internal = Topics.ALL.stream().filter(t -> !t.isPublic()).map(Topics.TopicSpec::name)
                .collect(Collectors.toSet());
        for (KafkaUser user : rendered.all(KafkaUser.class)) {
            for (AclRule rule : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
                boolean reads = rule.getOperations().stream().anyMatch(op -> op.toValue().equals("Read"));
                String topic = AclMatrix.nameOf(rule.getResource());
                if (reads && rule.getResource().getType().equals("topic") && internal.contains(topic)) {
                    assertEquals("tagging-service", user.getMetadata().getName(), topic + " is read by tagging only");
                }
            }
        }
        assertEquals(Topics.ALL.stream().map(Topics.TopicSpec::name).collect(Collectors.toSet()),
                rendered.all(KafkaTopic.class).stream().map(AclMatrix::topicName).collect(Collectors.toSet()),
                "the KafkaTopics are the contract's topics");
    }

    @ParameterizedTest
    @ValueSource(strings = {"laptop-kind", "city", "national"})
    void lagScalingIsCappedAtThePartitionCountAndNamesRealTargets(String overlay) throws Exception {
        Rendered rendered = render(overlay);
        Map<String, Integer> partitions = rendered.all(KafkaTopic.class).stream()
                .collect(Collectors.toMap(AclMatrix::topicName, t -> t.getSpec().getPartitions()));
        Set<String> deployments = rendered.all(Deployment.class).stream().map(d -> d.getMetadata().getName())
                .collect(Collectors.toSet());
        Set<String> auths = rendered.all(OperatorModels.TriggerAuthentication.class).stream()
                .map(a -> a.metadata().getName()).collect(Collectors.toSet());
        List<OperatorModels.ScaledObject> scaled = rendered.all(OperatorModels.ScaledObject.class);
        assertEquals(Set.of("tagging-service", "reporting-service"),
                scaled.stream().map(s -> s.spec().scaleTargetRef().name()).collect(Collectors.toSet()));
        for (OperatorModels.ScaledObject object : scaled) {
            assertTrue(deployments.contains(object.spec().scaleTargetRef().name()));
            int mostPartitions = 0;
            for (OperatorModels.Trigger trigger : object.spec().triggers()) {
                assertEquals("kafka", trigger.type());
                String topic = trigger.metadata().get("topic");
                assertNotNull(partitions.get(topic), topic + " is a KafkaTopic");
                mostPartitions = Math.max(mostPartitions, partitions.get(topic));
                // KEDA then never asks for more consumers in a group than the topic has partitions.
                assertEquals("false", trigger.metadata().get("allowIdleConsumers"));
                assertTrue(auths.contains(trigger.authenticationRef().name()), trigger.authenticationRef().name());
            }
            assertTrue(object.spec().maxReplicaCount() <= mostPartitions,
                    object.metadata().getName() + " max " + object.spec().maxReplicaCount() + " > " + mostPartitions
                    + " partitions");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"laptop-kind", "city", "national"})
    void everySecretAndConfigMapKeyADeploymentReadsIsCreatedByTheOverlayOrAnOperator(String overlay) throws Exception {
        Rendered rendered = render(overlay);
        assertTrue(References.used(rendered).contains("Secret/intake-db-app/password"), "the scan sees secretKeyRefs");
        assertTrue(References.used(rendered).stream().anyMatch(r -> r.startsWith("ConfigMap/planconsult-config-")),
                "the scan sees configMapKeyRefs, by their generated names");
        assertEquals(Set.of(), References.dangling(rendered), "Secret or ConfigMap keys nothing creates");
        assertTrue(rendered.all(Deployment.class).stream().flatMap(d -> d.getSpec().getTemplate().getSpec().getVolumes()
                .stream())
                .anyMatch(v -> v.getSecret() != null && v.getSecret().getSecretName().endsWith("-cluster-ca-cert")),
                "the cluster CA trust store is mounted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"laptop-kind", "city", "national"})
    void everyDeploymentHasADisruptionBudgetAndOnlyIntakeAndReportingAreReachableFromOutside(
            String overlay) throws Exception {
        Rendered rendered = render(overlay);
        List<PodDisruptionBudget> budgets = rendered.all(PodDisruptionBudget.class);
        for (Deployment deployment : rendered.all(Deployment.class)) {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertTrue(budgets.stream().anyMatch(b -> labels.entrySet()
                    .containsAll(b.getSpec().getSelector().getMatchLabels().entrySet())),
                    deployment.getMetadata().getName() + " has a PodDisruptionBudget");
        }
        List<NetworkPolicy> policies = rendered.all(NetworkPolicy.class);
        assertTrue(policies.stream().anyMatch(p -> empty(p.getSpec().getPodSelector().getMatchLabels())
                && empty(p.getSpec().getPodSelector().getMatchExpressions())
                && p.getSpec().getPolicyTypes().contains("Ingress") && empty(p.getSpec().getIngress())),
                "default deny");
        Set<String> fromOutside = policies.stream().filter(p -> p.getSpec().getIngress().stream()
                .flatMap(r -> r.getFrom().stream())
                .anyMatch(peer -> peer.getNamespaceSelector() != null && peer.getNamespaceSelector()
                .getMatchLabels() != null
                        && "ingress-nginx".equals(peer.getNamespaceSelector().getMatchLabels()
                        .get("kubernetes.io/metadata.name"))))
                .map(p -> p.getSpec().getPodSelector().getMatchLabels().get("app")).collect(Collectors.toSet());
        assertEquals(Set.of("intake-service", "reporting-service"), fromOutside);
        Set<String> backends = rendered.all(Ingress.class).stream().flatMap(i -> i.getSpec().getRules().stream())
                .flatMap(r -> r.getHttp().getPaths().stream()).map(p -> p.getBackend().getService().getName())
                .collect(Collectors.toSet());
        assertEquals(Set.of("intake-service", "reporting-service"), backends);
        assertFalse(rendered.all(Ingress.class).stream().flatMap(i -> i.getSpec().getRules().stream())
                .flatMap(r -> r.getHttp().getPaths().stream()).anyMatch(p -> p.getPath().startsWith("/api/v1/admin")),
                "no admin path");
    }
}
