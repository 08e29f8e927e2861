package io.planconsult.tagging.messaging;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The consumer of the submitted topic: hands each record to {@link LifecycleHandler} and decides what a failure
 * means ({@link Failures}), so that no exception ever ends the stream:
 * <ul>
 * <li>poison: nacked to the tagging dead-letter topic with the reason; the partition moves on;</li>
 * <li>transient: retried with exponential backoff capped at {@code tagging.consumer.backoff-max}, for as long as it
 * takes; the record is neither acknowledged nor dead-lettered meanwhile, so the partition waits (readiness goes
 * DOWN, see {@link ConsumerHealth}) and no offset is committed past it;</li>
 * <li>anything else: retried {@code tagging.consumer.unexpected-attempts} times in all, then dead-lettered with the
 * exception's class and message (never the record's text); the partition moves on.</li>
 * </ul>
 * The source record is acknowledged only once its tagged record is on the broker.
 */
@ApplicationScoped
public class SuggestionTagger {

    private static final Logger LOG = Logger.getLogger(SuggestionTagger.class);
    private static final String CHANNEL = "suggestions-submitted";

    private final LifecycleHandler handler;
    private final ConsumerProgress progress;
    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final int unexpectedAttempts;
    private final TaggingMetrics metrics;

    SuggestionTagger(LifecycleHandler handler, ConsumerProgress progress, TaggingMetrics metrics,
            @ConfigProperty(name = "tagging.consumer.backoff-initial") Duration backoffInitial,
            @ConfigProperty(name = "tagging.consumer.backoff-max") Duration backoffMax,
            @ConfigProperty(name = "tagging.consumer.unexpected-attempts") int unexpectedAttempts) {
        this.handler = handler;
        this.metrics = metrics;
        this.progress = progress;
        this.backoffInitial = backoffInitial;
        this.backoffMax = backoffMax;
        this.unexpectedAttempts = unexpectedAttempts;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(Message<String> in) {
        progress.started();
        Duration backoff = backoffInitial;
        int failures = 0;
        while (true) {
            try {
                handler.handle(in);
                progress.finished();
                return in.ack();
            } catch (RuntimeException e) {
                Failures kind = Failures.of(e);
                if (kind == Failures.POISON) {
                    LOG.warnf("submitted-topic record rejected to the dead-letter topic: %s", e.getMessage());
                    progress.finished();
                    metrics.deadLettered(CHANNEL, kind);
                    return in.nack(e);
                }
                if (kind == Failures.UNEXPECTED && ++failures >= unexpectedAttempts) {
                    String reason = Failures.describe(e);
                    LOG.errorf("submitted-topic record dead-lettered after %d failed attempts: %s", failures, reason);
                    progress.finished();
                    metrics.deadLettered(CHANNEL, kind);
                    return in.nack(new UnexpectedFailureException(reason));
                }
                if (kind == Failures.TRANSIENT) {
                    progress.waiting(e.getClass().getSimpleName());
                }
                LOG.warnf("submitted-topic record failed (%s), retrying in %d ms: %s", kind, backoff.toMillis(),
                        Failures.describe(e));
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(backoffMax) > 0 ? backoffMax : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry: the service is stopping", e);
        }
    }
}
