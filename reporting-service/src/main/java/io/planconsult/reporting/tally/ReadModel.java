package io.planconsult.reporting.tally;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The whole read model at once: emptied for a rebuild, and the runs that rebuild it. */
@ApplicationScoped
public class ReadModel {

    private static final Logger LOG = Logger.getLogger(ReadModel.class);

    /** Everything a rebuild recreates from the topics. */
    private static final String TABLES = "applied_event, tagged_suggestion, tally_cell, tally_cluster_member, forum";

    /**
     * Starts a run and empties the read model, unless a run is already going (one that still reports progress).
     * On PostgreSQL one TRUNCATE takes every table at once: it waits for transactions in flight on any instance and
     * holds new ones back until it commits, so no live event is half-wiped.
     */
    @Transactional
    public Optional<RebuildRun> startRebuild(String groupPrefix, Duration staleAfter) {
        Instant now = Instant.now();
        long running = RebuildRun.count("state = ?1 and updatedAt > ?2", RebuildRun.State.RUNNING, now.minus(staleAfter));
        if (running > 0) {
            return Optional.empty();
        }
        RebuildRun run = new RebuildRun();
        run.runId = UUID.randomUUID();
        run.consumerGroup = groupPrefix + "-rebuild-" + run.runId.toString().substring(0, 8);
        run.state = RebuildRun.State.RUNNING;
        run.startedAt = now;
        run.updatedAt = now;
        run.endOffsets = "";
        run.persist();
        EntityManager em = Panache.getEntityManager();
        if (isPostgres(em)) {
            em.createNativeQuery("TRUNCATE TABLE " + TABLES).executeUpdate();
        } else {
            // H2 (one instance on a laptop): table by table.
            for (String table : TABLES.split(", ")) {
                em.createNativeQuery("DELETE FROM " + table).executeUpdate();
            }
        }
        em.createNativeQuery("UPDATE tally_version SET version = version + 1 WHERE id = 1").executeUpdate();
        LOG.infof("rebuild %s: read model emptied, replaying with group %s", run.runId, run.consumerGroup);
        return Optional.of(run);
    }

    /** Whether the read model is on PostgreSQL, where a rebuild writes in bulk ({@link #writeRebuild}). */
    @Transactional
    public boolean bulkWrites() {
        return isPostgres(Panache.getEntityManager());
    }

    private static boolean isPostgres(EntityManager em) {
        String database = em.unwrap(Session.class).doReturningWork(c -> c.getMetaData().getDatabaseProductName());
        return database.toLowerCase(Locale.ROOT).contains("postgres");
    }

    /**
     * Writes a rebuild's folded state into the read model emptied by {@link #startRebuild}, in one transaction
     * (PostgreSQL only). It first locks the read model's tables against writers (readers of the tallies and suggestions
     * go on, and see them as they were until it commits), then joins what live consumption stored since the model was emptied: its
     * suggestion states through the lifecycle rules, its event ids and forums. It replaces those rows by the joined
     * state, written with one multi-row INSERT per table and chunk, and recounts every tally cell and cluster membership
     * from the final states. A live event waiting on the lock then finds its id applied (or the state it changes) and
     * goes on incrementally from a model whose counters equal a recount of its states.
     */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public void writeRebuild(ReplayFold fold) {
        EntityManager em = Panache.getEntityManager();
        // Every ledger transaction begins by reading applied_event, and only ledger transactions read it: taking it
        // first, alone, waits for the ones in flight and holds new ones at their first statement, so no live
        // transaction holds a lock this one then waits for (no deadlock). The rest keep out any other writer.
        em.createNativeQuery("LOCK TABLE applied_event IN ACCESS EXCLUSIVE MODE").executeUpdate();
        em.createNativeQuery("LOCK TABLE " + TABLES + " IN EXCLUSIVE MODE").executeUpdate();
        int live = 0;
        for (TaggedSuggestion stored : TaggedSuggestion.<TaggedSuggestion>listAll()) {
            fold.combine(stored);
            live++;
        }
        for (Forum stored : Forum.<Forum>listAll()) {
            fold.combine(stored);
        }
        for (Object id : em.createNativeQuery("SELECT event_id FROM applied_event").getResultList()) {
            fold.eventIds.add(id instanceof UUID uuid ? uuid : UUID.fromString(id.toString()));
        }
        em.clear();
        for (String table : TABLES.split(", ")) {
            em.createNativeQuery("DELETE FROM " + table).executeUpdate();
        }
        Tallies tallies = Tallies.of(fold.suggestions.values());
        long[] millis = new long[4];
        em.unwrap(Session.class).doWork(c -> {
            // Rows go in primary-key order: each index then grows at its right edge instead of at random pages.
            long t0 = System.nanoTime();
            insertSuggestions(c, fold);
            long t1 = System.nanoTime();
            Instant now = Instant.now();
            insert(c, "applied_event", "event_id, applied_at", "uuid, timestamptz", fold.eventIds.stream().sorted(UUID_ORDER)
                    .map(id -> new Object[] {id, now}).toList());
            long t2 = System.nanoTime();
            insert(c, "forum", "forum_id, name, held_on, district, station_id, participants, deputies_present, suggestion_count, recorded_at",
                    "uuid, text, date, text, text, int, int, int, timestamptz", fold.forums.values().stream()
                            .map(f -> new Object[] {f.forumId, f.name, f.heldOn, f.district, f.stationId, f.participants, f.deputiesPresent,
                                    f.suggestionCount, f.recordedAt}).toList());
            insert(c, "tally_cell", "perspective, district, topic, primary_count, mention_count, cluster_count", "text, text, text, bigint, bigint, bigint",
                    tallies.cells().entrySet().stream().map(e -> new Object[] {e.getKey().perspective(), e.getKey().district(),
                            e.getKey().topic(), e.getValue()[0], e.getValue()[1], e.getValue()[2]}).toList());
            long t3 = System.nanoTime();
            insert(c, "tally_cluster_member", "perspective, district, topic, cluster_id, members", "text, text, text, uuid, bigint",
                    tallies.members().entrySet().stream().sorted(Map.Entry.comparingByKey(MEMBER_ORDER))
                            .map(e -> new Object[] {e.getKey().perspective(), e.getKey().district(), e.getKey().topic(), e.getKey().clusterId(),
                                    e.getValue()[0]}).toList());
            long t4 = System.nanoTime();
            millis[0] = (t1 - t0) / 1_000_000;
            millis[1] = (t2 - t1) / 1_000_000;
            millis[2] = (t3 - t2) / 1_000_000;
            millis[3] = (t4 - t3) / 1_000_000;
        });
        em.createNativeQuery("UPDATE tally_version SET version = version + 1 WHERE id = 1").executeUpdate();
        LOG.infof("rebuild wrote %d suggestions (%d stored live meanwhile), %d event ids, %d forums, %d cells, %d cluster memberships "
                + "(ms: suggestions %d, ids %d, forums and cells %d, memberships %d)", fold.suggestions.size(), live, fold.eventIds.size(),
                fold.forums.size(), tallies.cells().size(), tallies.members().size(), millis[0], millis[1], millis[2], millis[3]);
    }

    /** Every tally counter recounted from final states, by the same arithmetic the ledger applies one change at a time. */
    private record Tallies(Map<TallyClusterMember.Key, long[]> members, Map<TallyCell.Key, long[]> cells) {
        static Tallies of(Iterable<TaggedSuggestion> states) {
            Map<TallyCell.Key, long[]> cells = new HashMap<>();
            Map<TallyClusterMember.Key, long[]> members = new HashMap<>();
            for (TaggedSuggestion s : states) {
                Contribution c = Contribution.of(s);
                if (c.isNone()) {
                    continue;
                }
                TallyArithmetic.Changes changes = TallyArithmetic.diff(Contribution.NONE, c);
                for (TallyDelta d : changes.cells()) {
                    long[] cell = cells.computeIfAbsent(new TallyCell.Key(d.dimension().code(), d.bucket(), d.topic()), k -> new long[3]);
                    cell[0] += d.primary();
                    cell[1] += d.mentions();
                }
                for (MemberDelta m : changes.members()) {
                    members.computeIfAbsent(new TallyClusterMember.Key(m.dimension().code(), m.bucket(), m.topic(), m.clusterId()),
                            k -> new long[1])[0] += m.members();
                }
            }
            members.keySet().forEach(m -> cells.computeIfAbsent(new TallyCell.Key(m.perspective(), m.district(), m.topic()),
                    k -> new long[3])[2]++);
            return new Tallies(members, cells);
        }
    }

    /** PostgreSQL's order of uuid values: bytes compared unsigned (Java's {@code UUID.compareTo} compares signed longs). */
    private static final java.util.Comparator<UUID> UUID_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };
    private static final java.util.Comparator<TallyClusterMember.Key> MEMBER_ORDER = java.util.Comparator
            .comparing(TallyClusterMember.Key::perspective).thenComparing(TallyClusterMember.Key::district)
            .thenComparing(TallyClusterMember.Key::topic).thenComparing(TallyClusterMember.Key::clusterId, UUID_ORDER);

    private static void insertSuggestions(Connection c, ReplayFold fold) throws SQLException {
        insert(c, "tagged_suggestion", "suggestion_id, station_id, station_district, text_district, subject_district, channel, primary_topic, "
                + "labels, redacted_text, submitted_at, model_version, taxonomy_version, last_event_id, updated_at, revision, withdrawn, "
                + "withdrawn_at, tagged, model_primary_topic, model_labels, human_primary_topic, human_labels, human_sequence, needs_review, "
                + "keywords, model_cluster_id, cluster_id, cluster_first_suggestion_id, merge_sequence, tagging_event_id",
                "uuid, text, text, text, text, text, text, text, text, timestamptz, text, text, uuid, timestamptz, int, boolean, "
                        + "timestamptz, boolean, text, text, text, text, bigint, boolean, text, uuid, uuid, uuid, bigint, uuid",
                fold.suggestions.values().stream().sorted(java.util.Comparator.comparing((TaggedSuggestion s) -> s.suggestionId, UUID_ORDER))
                        .map(s -> new Object[] {s.suggestionId, s.stationId, s.stationDistrict, s.textDistrict,
                        s.subjectDistrict, s.channel, s.primaryTopic, s.labels, s.redactedText, s.submittedAt, s.modelVersion,
                        s.taxonomyVersion, s.lastEventId, s.updatedAt, s.revision, s.withdrawn, s.withdrawnAt, s.tagged, s.modelPrimaryTopic,
                        s.modelLabels, s.humanPrimaryTopic, s.humanLabels, s.humanSequence, s.needsReview, s.keywords, s.modelClusterId,
                        s.clusterId, s.clusterFirstSuggestionId, s.mergeSequence, s.taggingEventId}).toList());
    }

    private static final int CHUNK = 5_000;

    /**
     * Inserts rows with {@code INSERT ... SELECT FROM unnest(?::text[], ...)}: one statement per chunk, each column sent
     * as one text array and cast in SQL (PostgreSQL), which is one round trip for thousands of rows.
     */
    private static void insert(Connection c, String table, String columns, String types, List<Object[]> rows) throws SQLException {
        String[] type = types.split(", ");
        StringBuilder select = new StringBuilder();
        StringBuilder arrays = new StringBuilder();
        for (int i = 0; i < type.length; i++) {
            select.append(i == 0 ? "" : ", ").append("c").append(i).append("::").append(type[i]);
            arrays.append(i == 0 ? "" : ", ").append("?::text[]");
        }
        String names = String.join(", ", java.util.stream.IntStream.range(0, type.length).mapToObj(i -> "c" + i).toList());
        String sql = "INSERT INTO " + table + " (" + columns + ") SELECT " + select + " FROM unnest(" + arrays + ") AS t(" + names + ")";
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                for (int col = 0; col < type.length; col++) {
                    List<String> values = new ArrayList<>(chunk.size());
                    for (Object[] row : chunk) {
                        Object value = row[col] instanceof Instant instant ? instant.truncatedTo(ChronoUnit.MICROS) : row[col];
                        values.add(value == null ? null : value.toString());
                    }
                    insert.setArray(col + 1, c.createArrayOf("text", values.toArray(new String[0])));
                }
                insert.executeUpdate();
            }
        }
    }

    @Transactional
    public void progress(UUID runId, long target, String endOffsets, long done, long skipped, RebuildRun.State state, String failure) {
        RebuildRun run = RebuildRun.findById(runId);
        run.recordsTarget = target;
        run.endOffsets = endOffsets;
        run.recordsDone = done;
        run.recordsSkipped = skipped;
        run.state = state;
        run.failure = failure;
        run.updatedAt = Instant.now();
        if (state == RebuildRun.State.CAUGHT_UP && run.caughtUpAt == null) {
            run.caughtUpAt = run.updatedAt;
        }
    }

    @Transactional
    public Optional<RebuildRun> run(UUID runId) {
        return RebuildRun.findByIdOptional(runId);
    }

    /** The change counter live streams poll. */
    @Transactional
    public long version() {
        return ((Number) Panache.getEntityManager().createNativeQuery("SELECT version FROM tally_version WHERE id = 1").getSingleResult()).longValue();
    }
}
