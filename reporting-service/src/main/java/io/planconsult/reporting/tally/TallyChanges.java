package io.planconsult.reporting.tally;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

/**
 * Notices tally changes made by any instance: every transaction that changes a tally bumps one counter row, which
 * this polls (one cheap primary-key read per instance per interval, however many clients listen). Tallies are read
 * once per version and dimension, and shared by every client.
 */
@ApplicationScoped
public class TallyChanges {

    private static final Logger LOG = Logger.getLogger(TallyChanges.class);

    private record Cached(long version, TallyQueries.Tallies tallies) {
    }

    private final TallyVersion counter;
    private final TallyQueries queries;
    private final Duration pollInterval;
    private final AtomicLong version = new AtomicLong(Long.MIN_VALUE);
    private final Map<TallyDimension, Cached> cache = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService poller;

    TallyChanges(TallyVersion counter, TallyQueries queries,
            @ConfigProperty(name = "reporting.stream.poll-interval", defaultValue = "PT0.25S") Duration pollInterval) {
        this.counter = counter;
        this.queries = queries;
        this.pollInterval = pollInterval;
    }

    /** The latest change counter seen; the first call reads it and starts polling. */
    public long version() {
        if (poller == null) {
            start();
        }
        return version.get();
    }

    /**
     * The tallies as of now: the counter is read (one read of its 16 rows), and the cells only when it moved since
     * they were last read for this dimension. A caller sees every change committed before it asked.
     */
    @Transactional
    public TallyQueries.Tallies current(TallyDimension by) {
        return tallies(by, counter.current());
    }

    /** The tallies as of at least {@code atLeast}, computed once per version and dimension. */
    @Transactional
    public TallyQueries.Tallies tallies(TallyDimension by, long atLeast) {
        Cached cached = cache.get(by);
        if (cached != null && cached.version() >= atLeast) {
            return cached.tallies();
        }
        // Read the counter before the cells: the cells are then at least that new.
        long current = counter.current();
        TallyQueries.Tallies tallies = queries.tallies(by);
        cache.merge(by, new Cached(current, tallies), (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
        return tallies;
    }

    private synchronized void start() {
        if (poller != null) {
            return;
        }
        version.set(counter.current());
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tally-change-poller");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::poll, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        poller = executor;
    }

    private void poll() {
        try {
            version.set(counter.current());
        } catch (RuntimeException e) {
            LOG.warnf("tally change counter unreadable: %s", e.getClass().getSimpleName());
        }
    }

    void shutdown(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
