package io.planconsult.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * One end-to-end class's stack: the packaged services on free ports, a real broker, PostgreSQL schemas of its own
 * (dropped on close), and a client holding an admin token the services trust. Shared so each e2e class states only
 * what it walks through.
 */
record E2eStack(LocalStack stack, Api admin) implements AutoCloseable {

    /** @param name short, lower case: the work directory and the schema prefix start with it */
    static E2eStack start(String name, Duration tokenLife) {
        Path repo = Path.of(System.getProperty("planconsult.repo", "../..")).toAbsolutePath().normalize();
        Path work = repo.resolve("deploy/local-stack/target/" + name + "-"
                + UUID.randomUUID().toString().substring(0, 8));
        String prefix = name + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        LocalStack stack = new LocalStack(LocalStack.Settings.defaults(repo, work, LocalStack.Database.POSTGRES)
                .onFreePorts().withSchemaPrefix(prefix).withKeysDir(work.resolve("keys")));
        try {
            stack.start();
        } catch (RuntimeException e) {
            stack.close();
            stack.dropSchemas();
            throw e;
        }
        return new E2eStack(stack, new Api(Tokens.mint(stack.keys(), "admin", null, tokenLife)));
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

    @Override
    public void close() {
        stack.close();
        stack.dropSchemas();
    }
}
