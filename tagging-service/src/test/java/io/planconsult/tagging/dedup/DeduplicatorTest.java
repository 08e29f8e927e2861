package io.planconsult.tagging.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

    private static final List<Deduplicator.Item> ITEMS = List.of(
            new Deduplicator.Item("s1", "萧山那边机器人企业越来越多了，但是减速器、伺服电机这些核心零部件还得从江苏广东买，希望把产业链补齐。"),
            new Deduplicator.Item("s2", "建议扩大算力券覆盖面，把中小企业和高校科研团队纳入申领范围。"),
            new Deduplicator.Item("s3", "机器人厂在萧山越开越多，可是减速器、伺服电机这些核心零件还要去江苏广东买，希望把产业链补齐。"),
            new Deduplicator.Item("s4", "楼下广场舞太吵了，晚上十点还在放音乐。"));

    @Test
    void paraphrasedSuggestionsShareAClusterNamedAfterTheFirst() {
        List<List<String>> clusters = Deduplicator.withDefaults().clusters(ITEMS);
        assertEquals(List.of(List.of("s1", "s3"), List.of("s2"), List.of("s4")), clusters);
    }

    @Test
    void twoIndependentIndexesGivenTheSameItemsInOrderProduceIdenticalClusters() {
        DedupSettings settings = DedupSettings.loadDefault();
        InMemoryDedupIndex a = new InMemoryDedupIndex(settings);
        InMemoryDedupIndex b = new InMemoryDedupIndex(settings);
        for (Deduplicator.Item item : ITEMS) {
            assertEquals(a.add(item.id(), item.text()), b.add(item.id(), item.text()));
        }
        assertEquals(new Deduplicator(settings).clusters(ITEMS), new Deduplicator(settings).clusters(ITEMS));
    }

    @Test
    void thresholdIsConfigurable() {
        Deduplicator strict = new Deduplicator(DedupSettings.loadDefault().withThreshold(0.99));
        assertEquals(4, strict.clusters(ITEMS).size());
        // A loose paraphrase (Jaccard ≈ 0.2) merges at the default bar and stays apart at a stricter one.
        List<Deduplicator.Item> pair = List.of(ITEMS.get(0), new Deduplicator.Item("b", "机器人企业越来越多，建议完善产业链。"));
        assertEquals(1, Deduplicator.withDefaults().clusters(pair).size());
        assertEquals(2, new Deduplicator(DedupSettings.loadDefault().withThreshold(0.3)).clusters(pair).size());
    }

    @Test
    void addingAnIdAgainKeepsItsFirstAssignment() {
        InMemoryDedupIndex index = InMemoryDedupIndex.withDefaults();
        DedupIndex.Assignment first = index.add("x", "测试文本一");
        assertEquals(first, index.add("x", "完全不同的文本"));
        assertEquals("x", index.clusterOf("x").orElseThrow());
    }

    @Test
    void englishTextsAreNotDuplicatesJustForBeingEnglish() {
        List<List<String>> clusters = Deduplicator.withDefaults().clusters(List.of(
                new Deduplicator.Item("e1", "I'm a British teacher. Please add English to the city's AI assistants."),
                new Deduplicator.Item("e2", "German auto-parts maker here. Please publish regulations in English.")));
        assertEquals(2, clusters.size());
    }

    @Test
    void signaturesAreStableAcrossInstances() {
        MinHasher h1 = new MinHasher(64);
        MinHasher h2 = new MinHasher(64);
        Shingler s = new Shingler(DedupSettings.loadDefault());
        long[] a = h1.signature(s.shingles("千岛湖的水质保护"));
        assertTrue(java.util.Arrays.equals(a, h2.signature(s.shingles("千岛湖的水质保护"))));
        assertNotEquals(1.0, MinHasher.similarity(a, h1.signature(s.shingles("算力券申领"))));
    }
}
