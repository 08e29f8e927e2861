package io.planconsult.stack;

import java.nio.file.Path;
import java.util.UUID;

/**
 * The stack an end-to-end test class runs on: the packaged services, a real broker and the real PostgreSQL, on free
 * ports, in a work directory and schemas of its own (so classes never see each other's data), with generated keys.
 */
final class TestStacks {

    private TestStacks() {
    }

    /** Starts a stack named {@code name} (its work directory and schema prefix begin with it). */
    static LocalStack start(String name) {
        Path repo = Path.of(System.getProperty("planconsult.repo", "../..")).toAbsolutePath().normalize();
        Path work = repo.resolve("deploy/local-stack/target/" + name + "-" + UUID.randomUUID().toString().substring(0, 8));
        String prefix = name + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        LocalStack stack = new LocalStack(LocalStack.Settings.defaults(repo, work, LocalStack.Database.POSTGRES)
                .onFreePorts().withSchemaPrefix(prefix).withKeysDir(work.resolve("keys")));
        stack.start();
        return stack;
    }

    /** Stops the services and the broker and drops the stack's schemas; nothing when it never started. */
    static void stop(LocalStack stack) {
        if (stack != null) {
            stack.close();
            stack.dropSchemas();
        }
    }
}
