package io.planconsult.intake;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The tagging service's token for the text-key endpoint, made up for this test run (never a committed secret). */
public class ServiceTokenTestResource implements QuarkusTestResourceLifecycleManager {

    private static String token;

    public static synchronized String token() {
        if (token == null) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        return token;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("intake.text-keys.service-token", token());
    }

    @Override
    public void stop() {
    }
}
