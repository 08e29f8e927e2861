package io.planconsult.tagging.dedup.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.tagging.dedup.DedupIndex;
import io.planconsult.tagging.dedup.DedupSettings;
import io.planconsult.tagging.dedup.InMemoryDedupIndex;
import io.planconsult.tagging.dedup.LookAlikes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class DatabaseDedupIndexTest {

    @Inject
    DatabaseDedupIndex index;

    @BeforeEach
    void emptyIndex() {
        QuarkusTransaction.requiringNew().run(() -> {
            DedupBand.deleteAll();
            DedupEntry.deleteAll();
        });
    }

    @Test
    void rewordingJoinsTheFirstSuggestionsClusterAndRedeliveryKeepsIt() {
        String first = UUID.randomUUID().toString();
        String reworded = UUID.randomUUID().toString();
        String unrelated = UUID.randomUUID().toString();
        index.add(first, "建议十五五期间设立算力券专项资金并扩大覆盖面，将中小企业、高校科研团队一并纳入申领范围");
        index.add(unrelated, "淳安县千岛湖镇的农产品电商物流成本太高，建议建设县域冷链物流中心");
        DedupIndex.Assignment a = index.add(reworded, "希望扩大算力券覆盖面、设立专项资金，把中小企业和高校科研团队都纳入算力券申领范围");

        assertEquals(first, a.clusterId());
        assertEquals(first, a.similarTo());
        assertEquals(a, index.add(reworded, "any text: an id already indexed keeps its assignment"));
        assertEquals(unrelated, index.clusterOf(unrelated).orElseThrow());
        assertNull(index.add(UUID.randomUUID().toString(), "完全不同的一条关于地铁换乘的建议，希望缩短换乘距离").similarTo());
    }

    @Test
    void databaseIndexClustersTheDevSetExactlyLikeTheInMemoryIndex() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> rows = Files.readAllLines(Path.of(System.getProperty("tagging.data")), StandardCharsets.UTF_8)
                .stream()
                .filter(line -> !line.isBlank()).map(line -> read(mapper, line)).toList();
        InMemoryDedupIndex memory = InMemoryDedupIndex.withDefaults();
        int clustered = 0;
        for (JsonNode row : rows) {
            String id = row.get("id").asText();
            String text = row.get("text").asText();
            DedupIndex.Assignment expected = memory.add(id, text);
            DedupIndex.Assignment actual = index.add(id, text);
            assertEquals(expected.clusterId(), actual.clusterId(), id);
            assertEquals(expected.similarTo(), actual.similarTo(), id);
            clustered += expected.similarTo() == null ? 0 : 1;
        }
        assertTrue(clustered > 5, "the dev set has near-duplicates, and some were found: " + clustered);
    }

    @Test
    void instancesIndexingConcurrentlyClusterExactlyLikeOneInstanceInCommitOrder() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> rows = Files.readAllLines(Path.of(System.getProperty("tagging.data")), StandardCharsets.UTF_8)
                .stream().filter(line -> !line.isBlank()).map(line -> read(mapper, line)).toList();
        Map<String, String> texts = new java.util.HashMap<>();
        rows.forEach(r -> texts.put(r.get("id").asText(), r.get("text").asText()));
        // Two instances, each owning half of the partitions, index at the same time.
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<?>> halves = new java.util.ArrayList<>();
        for (int half = 0; half < 2; half++) {
            int owned = half;
            halves.add(pool.submit(() -> {
                for (int i = owned; i < rows.size(); i += 2) {
                    index.add(rows.get(i).get("id").asText(), rows.get(i).get("text").asText());
                }
            }));
        }
        for (var h : halves) {
            h.get();
        }
        pool.shutdown();
        List<DedupEntry> committed = QuarkusTransaction.requiringNew()
                .call(() -> DedupEntry.<DedupEntry>find("order by position").list());
        InMemoryDedupIndex single = InMemoryDedupIndex.withDefaults();
        for (DedupEntry e : committed) {
            assertEquals(single.add(e.suggestionId, texts.get(e.suggestionId)).clusterId(), e.clusterId,
                    e.suggestionId);
        }
        assertEquals(rows.size(), committed.size());
    }

    @Test
    void copiesBeyondTheClustersRepresentativesWriteNoBandRows() {
        String template = "建议十五五期间设立算力券专项资金并扩大覆盖面，将中小企业、高校科研团队一并纳入申领范围";
        String first = UUID.randomUUID().toString();
        index.add(first, template);
        for (int i = 0; i < 60; i++) {
            assertEquals(first, index.add(UUID.randomUUID().toString(), template + "（第" + i + "份）").clusterId());
        }
        long withBands = QuarkusTransaction.requiringNew()
                .call(() -> io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                        .createQuery("select count(distinct b.suggestionId) from DedupBand b", Long.class)
                        .getSingleResult());
        assertTrue(withBands <= 8, "only representatives carry band rows: " + withBands);
    }

    @Test
    void theDatabaseShortlistsTheSameRepresentativesAsTheInMemoryIndex() {
        List<String> texts = LookAlikes.texts(61, 16, 60, new java.util.Random(5));
        InMemoryDedupIndex memory = InMemoryDedupIndex.withDefaults();
        InMemoryDedupIndex unbounded = new InMemoryDedupIndex(
                DedupSettings.loadDefault().withMaxCandidates(Integer.MAX_VALUE));
        Map<String, String> ids = new java.util.HashMap<>();
        for (int i = 0; i < 60; i++) {
            String id = UUID.randomUUID().toString();
            ids.put(id, "look-alike " + i);
            assertEquals(memory.add(id, texts.get(i)), index.add(id, texts.get(i)), "look-alike " + i);
            unbounded.add(id, texts.get(i));
        }
        String newcomer = texts.get(60);
        assertTrue(unbounded.candidates(newcomer).size() > DedupSettings.loadDefault().maxCandidates(),
                "more representatives share a band key than the bound: " + unbounded.candidates(newcomer).size());
        List<String> shortlist = index.candidates(newcomer);
        assertEquals(DedupSettings.loadDefault().maxCandidates(), shortlist.size());
        assertEquals(memory.candidates(newcomer).stream().map(ids::get).toList(), shortlist.stream().map(ids::get)
                .toList());
    }

    private static JsonNode read(ObjectMapper mapper, String line) {
        try {
            return mapper.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
