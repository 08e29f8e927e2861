package io.planconsult.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

/**
 * Crypto-shredding on Kubernetes: tagging fetches each event's text key from intake's Service with a service token both
 * read from one Secret the overlay creates, no real token is committed, and only tagging's pods may open intake's port
 * from inside the namespace; the Ingress routes nothing under /internal.
 */
class TextKeysManifestTest {

    private static final String INTERNAL_PATH = "/internal/v1/text-keys/";
    /** Intake ignores a configured token shorter than this and refuses every key request. */
    private static final int SHORTEST_TOKEN_INTAKE_ACCEPTS = 32;

    private static Rendered render(String overlay) throws Exception {
        return Rendered.kustomize(K8sManifestTest.K8S.resolve("overlays").resolve(overlay));
    }

    private static Container container(Rendered rendered, String deployment) {
        return rendered.all(Deployment.class).stream().filter(d -> d.getMetadata().getName().equals(deployment))
                .findFirst().orElseThrow().getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static EnvVar env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"laptop-kind", "city", "national"})
    void intakeAndTaggingReadTheSameServiceTokenFromOneSecretHoldingOnlyAPlaceholder(String overlay) throws Exception {
        Rendered rendered = render(overlay);
        SecretKeySelector intake = env(container(rendered, "intake-service"), "INTAKE_TEXT_KEYS_SERVICE_TOKEN")
                .getValueFrom().getSecretKeyRef();
        SecretKeySelector tagging = env(container(rendered, "tagging-service"), "TAGGING_TEXT_KEYS_SERVICE_TOKEN")
                .getValueFrom().getSecretKeyRef();
        assertNotNull(intake, "intake's token comes from a Secret");
        assertNotNull(tagging, "tagging's token comes from a Secret");
        assertEquals(intake.getName() + "/" + intake.getKey(), tagging.getName() + "/" + tagging.getKey(), "one value");
        assertTrue(intake.getName().startsWith("planconsult-text-keys"), intake.getName());
        assertFalse(Boolean.TRUE.equals(intake.getOptional()), "a pod never starts without the token");
        String committed = References.secretValue(rendered, intake.getName(), intake.getKey());
        assertTrue(committed.length() < SHORTEST_TOKEN_INTAKE_ACCEPTS,
                "the committed token is a placeholder intake refuses (fails closed), never a real one: "
                + committed.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"laptop-kind", "city", "national"})
    void taggingReachesIntakesServiceOnAPortOnlyItsPolicyOpens(String overlay) throws Exception {
        Rendered rendered = render(overlay);
        URI url = URI.create(env(container(rendered, "tagging-service"), "TAGGING_INTAKE_URL").getValue());
        Service service = rendered.all(Service.class).stream()
                .filter(s -> s.getMetadata().getName().equals(url.getHost()))
                .findFirst().orElseThrow(() -> new AssertionError("no Service " + url.getHost()));
        Map<String, String> intakePods = rendered.all(Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals("intake-service")).findFirst().orElseThrow()
                .getSpec().getTemplate().getMetadata().getLabels();
        assertTrue(intakePods.entrySet().containsAll(service.getSpec().getSelector().entrySet()),
                "the Service selects intake");
        int port = url.getPort() < 0 ? ("https".equals(url.getScheme()) ? 443 : 80) : url.getPort();
        ServicePort servicePort = service.getSpec().getPorts().stream().filter(p -> p.getPort() == port).findFirst()
                .orElseThrow(() -> new AssertionError("the Service has no port " + port));
        int podPort = containerPort(container(rendered, "intake-service"), servicePort.getTargetPort());

        List<NetworkPolicy> toIntake = rendered.all(NetworkPolicy.class).stream()
                .filter(p -> intakePods.entrySet().containsAll(p.getSpec().getPodSelector().getMatchLabels() == null
                        ? Set.of() : p.getSpec().getPodSelector().getMatchLabels().entrySet()))
                .toList();
        assertTrue(toIntake.stream().flatMap(p -> p.getSpec().getIngress().stream())
                .filter(rule -> rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == podPort))
                .flatMap(rule -> rule.getFrom().stream()).anyMatch(peer -> isPodsOf(peer, "tagging-service")),
                "a NetworkPolicy lets tagging's pods reach intake's port " + podPort);
        Set<String> podsInNamespace = toIntake.stream().flatMap(p -> p.getSpec().getIngress().stream())
                .flatMap(rule -> rule.getFrom().stream())
                .filter(peer -> peer.getPodSelector() != null && peer.getNamespaceSelector() == null)
                .map(peer -> String.valueOf(peer.getPodSelector().getMatchLabels())).collect(Collectors.toSet());
        assertEquals(Set.of(String.valueOf(Map.of("app", "tagging-service"))), podsInNamespace,
                "no other pod of the namespace may reach intake");
    }

    @ParameterizedTest
    @ValueSource(strings = {"laptop-kind", "city", "national"})
    void theIngressRoutesNothingUnderInternal(String overlay) throws Exception {
        for (Ingress ingress : render(overlay).all(Ingress.class)) {
            ingress.getSpec().getRules().stream().flatMap(r -> r.getHttp().getPaths().stream()).forEach(path -> {
                assertFalse(INTERNAL_PATH.startsWith(path.getPath()) || path.getPath().startsWith("/internal"),
                        ingress.getMetadata().getName() + " routes " + path.getPath() + ", which covers "
                        + INTERNAL_PATH);
            });
            assertTrue(ingress.getSpec().getDefaultBackend() == null, "no default backend catches /internal");
        }
    }

    private static boolean isPodsOf(NetworkPolicyPeer peer, String app) {
        return peer.getNamespaceSelector() == null && peer.getPodSelector() != null
                && app.equals(peer.getPodSelector().getMatchLabels().get("app"));
    }

    private static int containerPort(Container container, IntOrString target) {
        if (target.getIntVal() != null) {
            return target.getIntVal();
        }
        return container.getPorts().stream().filter(p -> target.getStrVal().equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + target.getStrVal()))
                .getContainerPort();
    }
}
