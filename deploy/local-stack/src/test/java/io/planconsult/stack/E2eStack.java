package io.planconsult.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One end-to-end class's stack, as a JUnit extension: the packaged services on free ports, a real broker, PostgreSQL
 * schemas of its own (dropped when the class is done), and a client holding an admin token the services trust. A
 * class registers it once and states only what it walks through:
 * <pre>{@code @RegisterExtension
 * static final E2eStack E2E = E2eStack.named("trace", Duration.ofHours(1));}</pre>
 * The stack starts before the class's own {@code @BeforeAll} methods and stops after its {@code @AfterAll} ones.
 */
final class E2eStack implements BeforeAllCallback, AfterAllCallback {

    private final String name;
    private final Duration tokenLife;
    private final Set<String> embedded;
    private LocalStack stack;
    private Api admin;

    private E2eStack(String name, Duration tokenLife, Set<String> embedded) {
        this.name = name;
        this.tokenLife = tokenLife;
        this.embedded = embedded;
    }

    /**
     * @param name      short, lower case: the work directory and the schema prefix start with it
     * @param tokenLife how long the admin token stays good: longer than the class runs
     */
    static E2eStack named(String name, Duration tokenLife) {
        return new E2eStack(name, tokenLife, Set.of());
    }

    /** The same stack, with these services on an embedded PostgreSQL of their own instead of the shared server. */
    E2eStack withEmbedded(Set<String> services) {
        return new E2eStack(name, tokenLife, services);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Path repo = repo();
        Path work = repo.resolve("deploy/local-stack/target/" + name + "-"
                + UUID.randomUUID().toString().substring(0, 8));
        String prefix = name + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        LocalStack.Settings settings = LocalStack.Settings.defaults(repo, work, LocalStack.Database.POSTGRES)
                .onFreePorts().withSchemaPrefix(prefix).withKeysDir(work.resolve("keys"));
        stack = new LocalStack(embedded.isEmpty() ? settings : settings.withEmbedded(embedded));
        try {
            stack.start();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        admin = new Api(Tokens.mint(stack.keys(), "admin", null, tokenLife));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (stack != null) {
            stop();
        }
    }

    private void stop() {
        stack.close();
        stack.dropSchemas();
    }

    /** The running stack. */
    LocalStack stack() {
        return stack;
    }

    /** A client with an admin token: it may post for every station and read everything. */
    Api admin() {
        return admin;
    }

    /** The repository the packaged services are built in (surefire sets {@code planconsult.repo}). */
    static Path repo() {
        return Path.of(System.getProperty("planconsult.repo", "../..")).toAbsolutePath().normalize();
    }

    /** Polls {@code condition} until it holds, or fails naming {@code what} after {@code deadline}. */
    static void await(Duration deadline, BooleanSupplier condition, String what) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            ServiceProcess.sleep(250);
        }
    }
}
