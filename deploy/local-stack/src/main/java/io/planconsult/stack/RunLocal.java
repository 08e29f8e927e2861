package io.planconsult.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The README's run command: a real PostgreSQL 16 started from Maven jars on 5433 (data in
 * {@code .local/embedded/postgres}), a real broker on 9092 and the three services on 8081-8083, until
 * Ctrl-C; schemas planconsult_intake, planconsult_tagging and planconsult_reporting. {@code --postgres}
 * uses an existing server instead (PLANCONSULT_PG_URL, default the local server's {@code test} database).
 */
public final class RunLocal {

    private RunLocal() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> options = List.of(args);
        Path repo = Path.of(System.getProperty("planconsult.repo", ".")).toAbsolutePath().normalize();
        Path work = Path.of(System.getProperty("planconsult.work", repo.resolve(".local").toString())).toAbsolutePath();
        if (options.contains("--help")) {
            System.out.println("""
                    deploy/run-local [--postgres]
                      Starts PostgreSQL 16 (from Maven jars, port PLANCONSULT_EMBEDDED_PG_PORT, default 5433), a Kafka
                      broker (9092), intake (8081), tagging (8082) and reporting (8083). State lives in .local/ and
                      survives a restart; Ctrl-C stops everything.
                      --postgres   use the PostgreSQL at PLANCONSULT_PG_URL (default
                                   jdbc:postgresql://127.0.0.1:5432/test, user PLANCONSULT_PG_USER, default
                                   postgres) instead of the embedded one""");
            return;
        }
        LocalStack.Database database = options.contains("--postgres") ? LocalStack.Database.POSTGRES
                : LocalStack.Database.EMBEDDED;
        Path state = work.resolve(database.name().toLowerCase());
        LocalStack stack = new LocalStack(LocalStack.Settings.defaults(repo, state, database));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nstopping...");
            stack.close();
            stopped.countDown();
        }, "stop-local-stack"));

        long started = System.nanoTime();
        System.out.printf("starting Kafka and the services on %s (state in %s)...%n", database, work);
        stack.start();
        System.out.printf("%nall healthy after %.1f s%n", (System.nanoTime() - started) / 1e9);
        System.out.printf("  PostgreSQL         %s (schemas %s)%n", stack.jdbcUrl("intake"), stack.schema("*"));
        System.out.printf("  Kafka              %s%n", stack.broker().bootstrapServers());
        for (ServiceProcess s : stack.services()) {
            System.out.printf("  %-18s %s   Swagger UI %s/q/swagger-ui   log %s%n", s.name(), s.baseUrl(), s.baseUrl(),
                    s.logFile());
        }
        System.out.printf("  tokens             deploy/token --role <station-staff|analyst|viewer|admin> [--station "
                + "<id>]   (keys in %s)%n",
                stack.settings().keysDir());
        System.out.println("\nCtrl-C stops everything.");
        stopped.await();
    }
}
