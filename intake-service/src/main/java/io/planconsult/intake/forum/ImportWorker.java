package io.planconsult.intake.forum;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Runs queued import jobs, one at a time per instance, on its own thread. A commit that queued a
 * job wakes it at once; otherwise it looks every poll interval, which is also how it finds jobs
 * whose worker vanished (their lease has expired) after a crash or a restart, here or on another instance.
 */
@ApplicationScoped
public class ImportWorker {

    private static final Logger LOG = Logger.getLogger(ImportWorker.class);

    private final ImportProcessor processor;
    private final ImportRunner runner;
    private final ImportConfig config;
    private final UUID owner = UUID.randomUUID();
    private volatile boolean running;
    private volatile Thread worker;

    ImportWorker(ImportProcessor processor, ImportRunner runner, ImportConfig config) {
        this.processor = processor;
        this.runner = runner;
        this.config = config;
    }

    void start(@Observes @Priority(Integer.MAX_VALUE) StartupEvent ignored) {
        running = true;
        worker = Thread.ofPlatform().name("forum-import-worker").daemon().start(this::loop);
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            LockSupport.unpark(thread);
            thread.join(java.time.Duration.ofSeconds(5));
        }
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) ImportJobStore.ImportQueued ignored) {
        Thread thread = worker;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    private void loop() {
        while (running) {
            try {
                Optional<UUID> job;
                while (running && (job = processor.claim(owner)).isPresent()) {
                    runner.run(job.get(), owner);
                }
            } catch (RuntimeException e) {
                // The job keeps its lease until it expires, then is resumed (and failed after too many attempts).
                LOG.warnf("forum import worker failed (%s); retrying later", e.getClass().getSimpleName());
            }
            LockSupport.parkNanos(config.pollInterval().toNanos());
        }
    }
}
