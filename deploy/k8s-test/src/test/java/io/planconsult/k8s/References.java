package io.planconsult.k8s;

import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * What the Deployments (and KEDA) of one rendered overlay read from Secrets and ConfigMaps, and what the overlay or an
 * operator it declares creates. A reference is {@code kind/name/key}, or {@code kind/name/*} when the whole object is
 * read (envFrom, a volume without items). Optional references are left out: the pod starts without them.
 */
final class References {

    /** Keys of the Secrets the operators write for the objects the manifests declare (Strimzi 0.49, CloudNativePG). */
    private static final Set<String> KAFKA_USER_KEYS = Set.of("password", "sasl.jaas.config");
    private static final Set<String> CLUSTER_CA_KEYS = Set.of("ca.crt", "ca.p12", "ca.password");
    private static final Set<String> CNPG_APP_KEYS = Set.of("username", "user", "password", "host", "port", "dbname",
            "uri", "jdbc-uri", "fqdn-uri", "fqdn-jdbc-uri", "pgpass");

    private References() {
    }

    /** Every {@code kind/name/key} the Deployments and TriggerAuthentications of the overlay read. */
    static Set<String> used(Rendered rendered) {
        Set<String> used = new TreeSet<>();
        for (Deployment deployment : rendered.all(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            for (Container c : pod.getContainers()) {
                c.getEnv().stream().filter(e -> e.getValueFrom() != null).forEach(e -> envVar(e, used));
                c.getEnvFrom().forEach(e -> envFrom(e, used));
            }
            pod.getVolumes().forEach(v -> volume(v, used));
        }
        rendered.all(OperatorModels.TriggerAuthentication.class)
                .forEach(a -> a.spec().secretTargetRef().forEach(r -> used.add("Secret/" + r.name() + "/" + r.key())));
        return used;
    }

    /** Every {@code kind/name/key} the overlay creates, itself or through the operators of the objects it declares. */
    static Map<String, Set<String>> created(Rendered rendered) {
        Map<String, Set<String>> created = new HashMap<>();
        rendered.all(Secret.class).forEach(secret -> created.put("Secret/" + secret.getMetadata().getName(),
                keys(secret.getData(), secret.getStringData())));
        rendered.all(ConfigMap.class).forEach(map -> created.put("ConfigMap/" + map.getMetadata().getName(),
                keys(map.getData(), map.getBinaryData())));
        rendered.all(KafkaUser.class).forEach(u -> created.put("Secret/" + u.getMetadata().getName(), KAFKA_USER_KEYS));
        rendered.all(Kafka.class).forEach(k -> created.put("Secret/" + k.getMetadata().getName() + "-cluster-ca-cert",
                CLUSTER_CA_KEYS));
        rendered.all(OperatorModels.CnpgCluster.class).forEach(c ->
                created.put("Secret/" + c.metadata().getName() + "-app", CNPG_APP_KEYS));
        return created;
    }

    /** The references of {@link #used} that nothing in {@link #created} satisfies. */
    static Set<String> dangling(Rendered rendered) {
        Map<String, Set<String>> created = created(rendered);
        Set<String> dangling = new TreeSet<>();
        for (String reference : used(rendered)) {
            int lastSlash = reference.lastIndexOf('/');
            Set<String> keys = created.get(reference.substring(0, lastSlash));
            String key = reference.substring(lastSlash + 1);
            if (keys == null || !(key.equals("*") || keys.contains(key))) {
                dangling.add(reference);
            }
        }
        return dangling;
    }

    /** The decoded value of one key of a Secret the overlay renders (generated names carry a hash suffix). */
    static String secretValue(Rendered rendered, String generatedName, String key) {
        Secret secret = rendered.all(Secret.class).stream().filter(s -> s.getMetadata().getName().equals(generatedName))
                .findFirst().orElseThrow(() -> new AssertionError("no Secret " + generatedName));
        if (secret.getStringData() != null && secret.getStringData().containsKey(key)) {
            return secret.getStringData().get(key);
        }
        return new String(Base64.getDecoder().decode(secret.getData().get(key)),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Set<String> keys(Map<String, String> data, Map<String, String> more) {
        Set<String> keys = new HashSet<>();
        if (data != null) {
            keys.addAll(data.keySet());
        }
        if (more != null) {
            keys.addAll(more.keySet());
        }
        return keys;
    }

    private static void envVar(EnvVar env, Set<String> used) {
        var secret = env.getValueFrom().getSecretKeyRef();
        if (secret != null && !Boolean.TRUE.equals(secret.getOptional())) {
            used.add("Secret/" + secret.getName() + "/" + secret.getKey());
        }
        var map = env.getValueFrom().getConfigMapKeyRef();
        if (map != null && !Boolean.TRUE.equals(map.getOptional())) {
            used.add("ConfigMap/" + map.getName() + "/" + map.getKey());
        }
    }

    private static void envFrom(EnvFromSource env, Set<String> used) {
        if (env.getSecretRef() != null && !Boolean.TRUE.equals(env.getSecretRef().getOptional())) {
            used.add("Secret/" + env.getSecretRef().getName() + "/*");
        }
        if (env.getConfigMapRef() != null && !Boolean.TRUE.equals(env.getConfigMapRef().getOptional())) {
            used.add("ConfigMap/" + env.getConfigMapRef().getName() + "/*");
        }
    }

    private static void volume(Volume volume, Set<String> used) {
        if (volume.getSecret() != null && !Boolean.TRUE.equals(volume.getSecret().getOptional())) {
            items("Secret/" + volume.getSecret().getSecretName(), volume.getSecret().getItems(), used);
        }
        if (volume.getConfigMap() != null && !Boolean.TRUE.equals(volume.getConfigMap().getOptional())) {
            items("ConfigMap/" + volume.getConfigMap().getName(), volume.getConfigMap().getItems(), used);
        }
    }

    private static void items(String object, java.util.List<KeyToPath> items, Set<String> used) {
        if (items == null || items.isEmpty()) {
            used.add(object + "/*");
        } else {
            items.forEach(i -> used.add(object + "/" + i.getKey()));
        }
    }
}
