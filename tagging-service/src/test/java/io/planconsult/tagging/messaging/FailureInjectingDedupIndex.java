package io.planconsult.tagging.messaging;

import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.planconsult.tagging.dedup.DedupIndex;
import io.planconsult.tagging.dedup.store.DatabaseDedupIndex;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * The service's index with a switch for tests: a suggestion id registered here fails the way a bug or an outage
 * would, until it is cleared. Inert for every other id, so the other tests see the real index.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FailureInjectingDedupIndex implements DedupIndex {

    enum Failure { BUG, OUTAGE }

    static final Map<String, Failure> FAILING = new ConcurrentHashMap<>();

    private final DatabaseDedupIndex index;

    FailureInjectingDedupIndex(DatabaseDedupIndex index) {
        this.index = index;
    }

    @Override
    public Assignment add(String id, String text) {
        Failure failure = FAILING.get(id);
        if (failure == Failure.BUG) {
            throw new IllegalStateException("injected bug for suggestion " + id);
        }
        if (failure == Failure.OUTAGE) {
            throw new IllegalStateException("index unavailable",
                    new SQLTransientConnectionException("injected outage", "08006"));
        }
        return index.add(id, text);
    }

    @Override
    public Optional<String> clusterOf(String id) {
        return index.clusterOf(id);
    }
}
