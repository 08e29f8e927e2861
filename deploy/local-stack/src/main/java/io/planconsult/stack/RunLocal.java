package io.planconsult.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The README's run command: a real broker on 9092 and the three services on 8081-8083, until
 * Ctrl-C. {@code --postgres} uses PostgreSQL (PLANCONSULT_PG_URL, default the local server's
 * {@code test} database, schemas planconsult_intake, planconsult_tagging and planconsult_reporting) instead of H2 files.
 */
public final class RunLocal {

    private RunLocal() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> options = List.of(args);
        Path repo = Path.of(System.getProperty("planconsult.repo", ".")).toAbsolutePath().normalize();
        Path work = Path.of(System.getProperty("planconsult.work", repo.resolve(".local").toString())).toAbsolutePath();
        LocalStack.Database database = options.contains("--postgres") ? LocalStack.Database.POSTGRES : LocalStack.Database.H2;
        LocalStack stack = new LocalStack(LocalStack.Settings.defaults(repo, work.resolve(database.name().toLowerCase()), database));
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
        System.out.printf("  Kafka              %s%n", stack.broker().bootstrapServers());
        for (ServiceProcess s : stack.services()) {
            System.out.printf("  %-18s %s   Swagger UI %s/q/swagger-ui   log %s%n", s.name(), s.baseUrl(), s.baseUrl(), s.logFile());
        }
        System.out.printf("  tokens             deploy/token --role <station-staff|analyst|viewer|admin> [--station <id>]   (keys in %s)%n",
                stack.settings().keysDir());
        System.out.println("\nCtrl-C stops everything.");
        stopped.await();
    }
}
