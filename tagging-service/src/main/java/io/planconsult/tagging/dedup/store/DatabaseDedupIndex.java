package io.planconsult.tagging.dedup.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.tagging.dedup.ClusterRule;
import io.planconsult.tagging.dedup.DedupIndex;
import io.planconsult.tagging.dedup.DedupSettings;
import io.planconsult.tagging.dedup.EverydayGate;
import io.planconsult.tagging.dedup.Fingerprint;
import io.planconsult.tagging.dedup.Fingerprinter;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The near-duplicate index in the service's database, shared by all tagging instances and kept
 * across restarts. Same semantics as the in-memory index ({@link ClusterRule}). Insertions into one
 * campaign's index (one database schema per campaign) are serialised by a lock on one row, so every
 * instance sees the same "earlier" suggestions and clusters do not depend on which instance tagged
 * what; the lock is held for a bounded amount of work: the exact similarity with at most {@code maxCandidates}
 * representatives (those sharing the most band keys, {@link ClusterRule#shortlist}), one entry row, and band rows
 * for a representative.
 */
@ApplicationScoped
public class DatabaseDedupIndex implements DedupIndex {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final ObjectMapper mapper;
    private final Fingerprinter fingerprinter;
    private final ClusterRule rule;

    DatabaseDedupIndex(ObjectMapper mapper, DedupSettings settings) {
        this.mapper = mapper;
        this.fingerprinter = new Fingerprinter(settings, EverydayGate.withDefaults());
        this.rule = new ClusterRule(settings);
    }

    /** @param text redacted text: only that is fingerprinted and stored */
    @Override
    @Transactional
    public Assignment add(String id, String text) {
        return Panache.getEntityManager().unwrap(Session.class).doReturningWork(c -> add(new DedupRows(c), id, text));
    }

    private Assignment add(DedupRows rows, String id, String text) throws SQLException {
        long last = rows.lockClock();
        Optional<DedupRows.Row> existing = rows.find(id);
        if (existing.isPresent()) {
            DedupRows.Row e = existing.get();
            return new Assignment(e.suggestionId(), e.clusterId(), e.similarTo(), e.similarity());
        }
        Fingerprint fingerprint = fingerprinter.of(text);
        long[] keys = fingerprint.distinctBandKeys();
        List<ClusterRule.Earlier> earlier = keys.length == 0 ? List.of() : rows.shortlist(keys, rule.maxCandidates())
                .stream()
                .map(e -> new ClusterRule.Earlier(e.suggestionId(), stored(e), e.clusterId()))
                .toList();
        Assignment assignment = rule.assign(id, fingerprint, earlier);
        boolean representative = rule.isRepresentative(assignment,
                assignment.similarTo() == null ? 0 : rows.representatives(assignment.clusterId()));
        rows.insert(new DedupRows.Row(id, assignment.clusterId(), assignment.similarTo(), assignment.similarity(),
                fingerprint.everyday(), json(fingerprint)), last + 1, representative, Instant.now());
        rows.advanceClock(last + 1);
        if (representative) {
            rows.insertBands(id, last + 1, keys);
        }
        return assignment;
    }

    /** The ids of the representatives a suggestion with this text would be compared with now, oldest first. */
    @Transactional
    public List<String> candidates(String text) {
        long[] keys = fingerprinter.of(text).distinctBandKeys();
        return Panache.getEntityManager().unwrap(Session.class).doReturningWork(c -> keys.length == 0 ? List.of()
                : new DedupRows(c).shortlist(keys, rule.maxCandidates()).stream().map(DedupRows.Row::suggestionId)
                        .toList());
    }

    @Override
    public Optional<String> clusterOf(String id) {
        return DedupEntry.<DedupEntry>findByIdOptional(id).map(e -> e.clusterId);
    }

    /** Enough of a stored fingerprint for the exact similarity; candidates were already found by band key. */
    private Fingerprint stored(DedupRows.Row e) {
        try {
            return new Fingerprint(new java.util.HashSet<>(mapper.readValue(e.shingles(), STRINGS)), null, new long[0],
                    e.everyday());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("unreadable shingles of dedup entry " + e.suggestionId(), ex);
        }
    }

    private String json(Fingerprint fingerprint) {
        try {
            return mapper.writeValueAsString(fingerprint.shingles().stream().sorted().toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
