package io.planconsult.intake.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Retry-safe POSTs. A request with an {@code Idempotency-Key} first claims the key (an INSERT on the key's primary
 * key), then does its work, then stores its response, all in ONE transaction. A retry finds the stored response and
 * gets it back; a concurrent twin blocks on the claimed key until the first commits, then gets its response too.
 * Keys belong to the caller (token subject and station) and expire after {@code intake.idempotency.ttl}; only
 * successful responses are kept (a rejected request stores nothing, so it may be corrected and retried with its key).
 * The one store for every POST: a forum import keeps as its reply the job it created, and answers a retry with that
 * job as it is now (the import commits in chunks after this transaction).
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);

    private final Duration ttl;
    private final Duration purgeInterval;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService purger;

    IdempotencyKeys(@ConfigProperty(name = "intake.idempotency.ttl", defaultValue = "PT24H") Duration ttl,
            @ConfigProperty(name = "intake.idempotency.purge-interval", defaultValue = "PT10M")
            Duration purgeInterval) {
        this.ttl = ttl;
        this.purgeInterval = purgeInterval;
    }

    /**
     * Runs {@code work} in a new transaction, exactly once per caller and key while the key lives; a retry, or a twin
     * that arrived at the same time, gets the reply the first one stored.
     *
     * @throws IdempotencyKeyReusedException the key was used with another request
     */
    public StoredReply run(IdempotentRequest request, Supplier<StoredReply> work) {
        if (!request.keyed()) {
            return QuarkusTransaction.requiringNew().call(work::get);
        }
        String caller = request.caller();
        String key = request.key();
        String fingerprint = request.fingerprint();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Optional<StoredReply> earlier = replay(caller, key, fingerprint);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
                claim(caller, key, fingerprint);
                StoredReply reply = work.get();
                store(caller, key, reply);
                return reply;
            });
        } catch (IdempotencyKeyReusedException e) {
            throw e;
        } catch (RuntimeException e) {
            // A concurrent request with the same key committed first: our claim failed on its primary key.
            Optional<StoredReply> earlier = replay(request);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            throw e;
        }
    }

    /**
     * The reply stored for this request's key, if any: lets a caller answer a retry before doing expensive checks.
     *
     * @throws IdempotencyKeyReusedException the key was used with another request
     */
    public Optional<StoredReply> replay(IdempotentRequest request) {
        if (!request.keyed()) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew()
                .call(() -> replay(request.caller(), request.key(), request.fingerprint()));
    }

    private Optional<StoredReply> replay(String caller, String key, String fingerprint) {
        List<?> rows = em().createNativeQuery(
                "SELECT request_hash, status, location, body FROM idempotency_key WHERE caller = ?1 AND idem_key = "
                + "?2 AND expires_at > ?3")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, clock.instant())
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.getFirst();
        if (!fingerprint.equals(row[0])) {
            throw new IdempotencyKeyReusedException();
        }
        return Optional.of(new StoredReply(((Number) row[1]).intValue(), (String) row[2], (String) row[3], true));
    }

    private void claim(String caller, String key, String fingerprint) {
        Instant now = clock.instant();
        // An expired key may be used again: its old row goes first. Only an expired one: a row a concurrent twin
        // committed a moment ago must stay, so that our INSERT fails and we answer with its response.
        em().createNativeQuery("DELETE FROM idempotency_key WHERE caller = ?1 AND idem_key = ?2 AND expires_at <= ?3")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, now).executeUpdate();
        em().createNativeQuery(
                "INSERT INTO idempotency_key (caller, idem_key, request_hash, created_at, expires_at) VALUES (?1, "
                + "?2, ?3, ?4, ?5)")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, fingerprint)
                .setParameter(4, now).setParameter(5, now.plus(ttl))
                .executeUpdate();
    }

    private void store(String caller, String key, StoredReply reply) {
        em().createNativeQuery(
                "UPDATE idempotency_key SET status = ?1, location = ?2, body = ?3 WHERE caller = ?4 AND idem_key = ?5")
                .setParameter(1, reply.status()).setParameter(2, reply.location()).setParameter(3, reply.body())
                .setParameter(4, caller).setParameter(5, key)
                .executeUpdate();
    }

    /** Deletes expired keys; returns how many. */
    public int purgeExpired() {
        return QuarkusTransaction.requiringNew().call(() -> em()
                .createNativeQuery("DELETE FROM idempotency_key WHERE expires_at < ?1")
                .setParameter(1, clock.instant()).executeUpdate());
    }

    void startPurging(@Observes StartupEvent ignored) {
        purger = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("idempotency-purge").daemon()
                .factory());
        purger.scheduleWithFixedDelay(() -> {
            try {
                int purged = purgeExpired();
                if (purged > 0) {
                    LOG.infof("idempotency keys purged=%d", purged);
                }
            } catch (RuntimeException e) {
                LOG.warnf("idempotency key purge failed (%s); retrying later", e.getClass().getSimpleName());
            }
        }, purgeInterval.toMillis(), purgeInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stopPurging(@Observes ShutdownEvent ignored) {
        if (purger != null) {
            purger.shutdownNow();
        }
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
