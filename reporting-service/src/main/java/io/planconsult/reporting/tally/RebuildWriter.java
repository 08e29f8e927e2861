package io.planconsult.reporting.tally;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Writes the read model wholesale: empties it for a rebuild, and writes a rebuild's fold in bulk. */
@ApplicationScoped
public class RebuildWriter {

    private static final Logger LOG = Logger.getLogger(RebuildWriter.class);

    /** Everything a rebuild recreates from the topics. */
    private static final String TABLES = "applied_event, tagged_suggestion, tally_cell, tally_cluster_member, forum";

    private static final Comparator<TallyFold.MemberKey> MEMBER_ROW_ORDER = Comparator
            .comparing((TallyFold.MemberKey k) -> k.dimension().code()).thenComparing(TallyFold.MemberKey::bucket)
            .thenComparing(TallyFold.MemberKey::topic)
            .thenComparing(TallyFold.MemberKey::clusterId, BulkInsert.UUID_ORDER);

    private final TallyVersion version;

    RebuildWriter(TallyVersion version) {
        this.version = version;
    }

    /**
     * Empties the read model in the caller's transaction: one TRUNCATE takes every table at once; it waits for
     * transactions in flight on any instance and holds new ones back until it commits, so no live event is
     * half-wiped.
     */
    void empty(EntityManager em) {
        em.createNativeQuery("TRUNCATE TABLE " + TABLES).executeUpdate();
    }

    /**
     * Writes a rebuild's folded state into the read model emptied by {@link RebuildRuns#start}, in one transaction.
     * It first locks the read model's tables against writers (readers of the tallies and suggestions go on, and see
     * them as they were until it commits), then joins what live consumption stored since the model was
     * emptied: its suggestion states and forums by the lifecycle's rules, its event ids. It replaces those rows by the
     * joined state, written with one COPY per table, and recounts every tally cell and cluster
     * membership from the final states ({@link TallyFold#recount}). A live event waiting on the lock then finds its id
     * applied (or the state it changes) and goes on incrementally from a model whose counters equal a recount.
     */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public void write(ReplayFold fold) {
        EntityManager em = Panache.getEntityManager();
        // Every ledger transaction begins by reading applied_event, and only ledger transactions read it: taking it
        // first, alone, waits for the ones in flight and holds new ones at their first statement, so no live
        // transaction holds a lock this one then waits for (no deadlock). The rest keep out any other writer.
        em.createNativeQuery("LOCK TABLE applied_event IN ACCESS EXCLUSIVE MODE").executeUpdate();
        em.createNativeQuery("LOCK TABLE " + TABLES + " IN EXCLUSIVE MODE").executeUpdate();
        int live = 0;
        for (TaggedSuggestion stored : TaggedSuggestion.<TaggedSuggestion>listAll()) {
            fold.join(stored);
            live++;
        }
        for (Forum stored : Forum.<Forum>listAll()) {
            fold.join(stored);
        }
        for (Object id : em.createNativeQuery("SELECT event_id FROM applied_event").getResultList()) {
            fold.eventIds.add(id instanceof UUID uuid ? uuid : UUID.fromString(id.toString()));
        }
        em.clear();
        for (String table : TABLES.split(", ")) {
            em.createNativeQuery("DELETE FROM " + table).executeUpdate();
        }
        TallyFold tallies = fold.tallies();
        long started = System.nanoTime();
        em.unwrap(Session.class).doWork(c -> insert(c, fold, tallies));
        version.bump();
        LOG.infof("rebuild wrote %d suggestions (%d stored live meanwhile), %d event ids, %d forums, %d cells, "
                + "%d cluster memberships in %d ms", fold.suggestions.size(), live, fold.eventIds.size(),
                fold.forums.size(), tallies.cells().size(), tallies.members().size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Rows go in primary-key order: each index then grows at its right edge instead of at random pages. */
    private static void insert(Connection c, ReplayFold fold, TallyFold tallies) throws SQLException {
        insertSuggestions(c, fold);
        Instant now = Instant.now();
        BulkInsert.insert(c, "applied_event", "event_id, applied_at",
                fold.eventIds.stream().sorted(BulkInsert.UUID_ORDER).map(id -> new Object[] {id, now}).toList());
        BulkInsert.insert(c, "forum", "forum_id, name, held_on, district, station_id, participants, deputies_present, "
                + "suggestion_count, recorded_at",
                fold.forums.values().stream().map(f -> new Object[] {f.forumId, f.name, f.heldOn, f.district,
                        f.stationId, f.participants, f.deputiesPresent, f.suggestionCount, f.recordedAt}).toList());
        BulkInsert.insert(c, "tally_cell", "perspective, district, topic, primary_count, mention_count, cluster_count",
                tallies.cells().entrySet().stream()
                        .map(e -> new Object[] {e.getKey().dimension().code(), e.getKey().bucket(), e.getKey().topic(),
                                e.getValue()[0], e.getValue()[1], e.getValue()[2]}).toList());
        BulkInsert.insert(c, "tally_cluster_member", "perspective, district, topic, cluster_id, members",
                tallies.members().entrySet().stream()
                        .filter(e -> e.getValue()[2] != 0)
                        .sorted(Map.Entry.comparingByKey(MEMBER_ROW_ORDER))
                        .map(e -> new Object[] {e.getKey().dimension().code(), e.getKey().bucket(), e.getKey().topic(),
                                e.getKey().clusterId(), e.getValue()[2]}).toList());
    }

    private static final String SUGGESTION_COLUMNS = "suggestion_id, station_id, station_district, text_district, "
            + "subject_district, channel, primary_topic, labels, redacted_text, submitted_at, model_version, "
            + "taxonomy_version, last_event_id, updated_at, revision, withdrawn, withdrawn_at, tagged, "
            + "model_primary_topic, model_labels, human_primary_topic, human_labels, human_sequence, needs_review, "
            + "keywords, model_cluster_id, cluster_id, cluster_first_suggestion_id, merge_sequence, tagging_event_id, "
            + "review_reasons, points";
    private static void insertSuggestions(Connection c, ReplayFold fold) throws SQLException {
        BulkInsert.insert(c, "tagged_suggestion", SUGGESTION_COLUMNS, fold.suggestions.values()
                .stream()
                .sorted(Comparator.comparing((TaggedSuggestion s) -> s.suggestionId, BulkInsert.UUID_ORDER))
                .map(s -> new Object[] {s.suggestionId, s.stationId, s.stationDistrict, s.textDistrict,
                        s.subjectDistrict, s.channel, s.primaryTopic, s.labels, s.redactedText, s.submittedAt,
                        s.modelVersion, s.taxonomyVersion, s.lastEventId, s.updatedAt, s.revision, s.withdrawn,
                        s.withdrawnAt, s.tagged, s.modelPrimaryTopic, s.modelLabels, s.humanPrimaryTopic, s.humanLabels,
                        s.humanSequence, s.needsReview, s.keywords, s.modelClusterId, s.clusterId,
                        s.clusterFirstSuggestionId, s.mergeSequence, s.taggingEventId, s.reviewReasons, s.points})
                .toList());
    }
}
