package io.planconsult.reporting.tally;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Notices tally changes made by any instance: every transaction that changes a tally bumps one counter row, which
 * this polls (one cheap primary-key read per instance per interval, however many clients listen). Tallies are read
 * once per version and dimension, and shared by every client.
 */
@ApplicationScoped
public class TallyChanges {

    private static final Logger LOG = Logger.getLogger(TallyChanges.class);

    /**
     * One version's tallies of a dimension, and their JSON (plain and gzipped) once a client asked for it: rendered
     * once, shared by every client.
     */
    private static final class Cached {
        final long version;
        final TallyQueries.Tallies tallies;
        private volatile byte[] json;
        private volatile byte[] gzipped;

        Cached(long version, TallyQueries.Tallies tallies) {
            this.version = version;
            this.tallies = tallies;
        }

        byte[] json(ObjectMapper mapper) {
            byte[] rendered = json;
            if (rendered == null) {
                try {
                    rendered = mapper.writeValueAsBytes(tallies);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("tallies not serialisable", e);
                }
                json = rendered;
            }
            return rendered;
        }

        byte[] gzipped(ObjectMapper mapper) {
            byte[] compressed = gzipped;
            if (compressed == null) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                    gzip.write(json(mapper));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                compressed = out.toByteArray();
                gzipped = compressed;
            }
            return compressed;
        }
    }

    private final TallyVersion counter;
    private final TallyQueries queries;
    private final ObjectMapper mapper;
    private final Duration pollInterval;
    private final AtomicLong version = new AtomicLong(Long.MIN_VALUE);
    private final Map<TallyDimension, Cached> cache = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService poller;

    TallyChanges(TallyVersion counter, TallyQueries queries, ObjectMapper mapper,
            @ConfigProperty(name = "reporting.stream.poll-interval", defaultValue = "PT0.25S") Duration pollInterval) {
        this.counter = counter;
        this.queries = queries;
        this.mapper = mapper;
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
    public TallyQueries.Tallies current(TallyDimension by) {
        return cached(by, counter.current()).tallies;
    }

    /**
     * {@link #current} as JSON, rendered once per version and dimension: at a national campaign's size (8,000 station
     * cells) rendering, not reading, is what a request costs.
     */
    public byte[] currentJson(TallyDimension by) {
        return cached(by, counter.current()).json(mapper);
    }

    /** {@link #currentJson} gzipped (about a tenth of the bytes), also once per version and dimension. */
    public byte[] currentGzippedJson(TallyDimension by) {
        return cached(by, counter.current()).gzipped(mapper);
    }

    /** The tallies as of at least {@code atLeast}, computed once per version and dimension. */
    public TallyQueries.Tallies tallies(TallyDimension by, long atLeast) {
        return cached(by, atLeast).tallies;
    }

    private Cached cached(TallyDimension by, long atLeast) {
        Cached cached = cache.get(by);
        if (cached != null && cached.version >= atLeast) {
            return cached;
        }
        // Read the counter before the cells: the cells are then at least that new.
        long current = counter.current();
        Cached fresh = new Cached(current, QuarkusTransaction.joiningExisting().call(() -> queries.tallies(by)));
        return cache.merge(by, fresh, (old, next) -> next.version >= old.version ? next : old);
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
        executor.scheduleWithFixedDelay(this::poll, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
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
