package io.planconsult.tagging.dedup.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * The near-duplicate index in the service's database, shared by all tagging instances and kept
 * across restarts. Same semantics as the in-memory index ({@link ClusterRule}). Insertions into one
 * campaign's index (one database schema per campaign) are serialised by a lock on one row, so every
 * instance sees the same "earlier" suggestions and clusters do not depend on which instance tagged
 * what; the lock is held for a bounded amount of work: the band keys of representatives only (a
 * cluster has at most {@code maxRepresentatives}), one entry row, and band rows for a representative.
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
        DedupClock clock = Panache.getEntityManager().find(DedupClock.class, 1, LockModeType.PESSIMISTIC_WRITE);
        DedupEntry existing = DedupEntry.findById(id);
        if (existing != null) {
            return assignment(existing);
        }
        Fingerprint fingerprint = fingerprinter.of(text);
        List<Long> keys = Arrays.stream(fingerprint.bandKeys()).distinct().boxed().toList();
        List<ClusterRule.Earlier> earlier = keys.isEmpty() ? List.of() : DedupEntry.<DedupEntry>find(
                        "suggestionId in (select b.suggestionId from DedupBand b where b.bandKey in ?1)"
                                + " order by position",
                        keys)
                .stream()
                .map(e -> new ClusterRule.Earlier(e.suggestionId, stored(e), e.clusterId))
                .toList();
        Assignment assignment = rule.assign(id, fingerprint, earlier);
        boolean representative = rule.isRepresentative(assignment, assignment.similarTo() == null ? 0
                : (int) DedupEntry.count("clusterId = ?1 and representative = true", assignment.clusterId()));

        DedupEntry entry = new DedupEntry();
        entry.suggestionId = id;
        entry.position = ++clock.lastPosition;
        entry.clusterId = assignment.clusterId();
        entry.similarTo = assignment.similarTo();
        entry.similarity = assignment.similarity();
        entry.everyday = fingerprint.everyday();
        entry.representative = representative;
        entry.shingles = json(fingerprint);
        entry.createdAt = Instant.now();
        entry.persist();
        for (long key : representative ? keys : List.<Long>of()) {
            DedupBand band = new DedupBand();
            band.bandKey = key;
            band.suggestionId = id;
            band.persist();
        }
        return assignment;
    }

    @Override
    public Optional<String> clusterOf(String id) {
        return DedupEntry.<DedupEntry>findByIdOptional(id).map(e -> e.clusterId);
    }

    private static Assignment assignment(DedupEntry e) {
        return new Assignment(e.suggestionId, e.clusterId, e.similarTo, e.similarity);
    }

    /** Enough of a stored fingerprint for the exact similarity; candidates were already found by band key. */
    private Fingerprint stored(DedupEntry e) {
        try {
            return new Fingerprint(new java.util.HashSet<>(mapper.readValue(e.shingles, STRINGS)), null, new long[0],
                    e.everyday);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("unreadable shingles of dedup entry " + e.suggestionId, ex);
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
