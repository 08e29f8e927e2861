package io.planconsult.tagging.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InMemoryDedupIndexTest {

    private static final String ROBOTS = "萧山那边机器人企业越来越多了，但是减速器、伺服电机这些核心零部件还得从江苏广东买，希望把产业链补齐。";
    private static final String ROBOTS_AGAIN = "机器人厂在萧山越开越多，可是减速器、伺服电机这些核心零件还要去江苏广东买，希望把产业链补齐。";

    @Test
    void everydayComplaintsInSimilarWordsNeedANearVerbatimMatch() {
        InMemoryDedupIndex index = InMemoryDedupIndex.withDefaults();
        index.add("n1", "楼下广场舞每天晚上放到十点多，吵得孩子没法写作业，打过12345也没用。");
        DedupIndex.Assignment second = index.add("n2", "文三路附近公园的广场舞音响开得太大，晚上放到十点多，孩子没法写作业，打12345也没用。");
        assertEquals("n2", second.clusterId(), "two residents' noise complaints are two suggestions");
        assertTrue(second.similarity() > DedupSettings.loadDefault().threshold());
    }

    @Test
    void theSameGateTreatsConsultationParaphrasesAsDuplicates() {
        InMemoryDedupIndex index = InMemoryDedupIndex.withDefaults();
        index.add("r1", ROBOTS);
        assertEquals("r1", index.add("r2", ROBOTS_AGAIN).clusterId());
    }

    @Test
    void aStormOfNearCopiesJoinsOneClusterThatKeepsAFewRepresentatives() {
        InMemoryDedupIndex index = InMemoryDedupIndex.withDefaults();
        java.util.Random random = new java.util.Random(7);
        index.add("c0", ROBOTS);
        for (int i = 1; i < 2000; i++) {
            StringBuilder copy = new StringBuilder(ROBOTS);
            copy.setCharAt(random.nextInt(copy.length()), (char) ('一' + random.nextInt(2000)));
            copy.append(i);
            assertEquals("c0", index.add("c" + i, copy.toString()).clusterId(), "copy " + i);
        }
        int representatives = index.representatives("c0");
        assertTrue(representatives >= 1 && representatives <= DedupSettings.loadDefault().maxRepresentatives(),
                "later copies are compared with " + representatives + " members, not 2,000");
    }

    @Test
    void aNewcomerSharingBandsWithManyRepresentativesIsComparedWithThoseSharingTheMost() {
        // A bar no look-alike reaches: every text below starts its own cluster, so all 40 are representatives.
        DedupSettings settings = DedupSettings.loadDefault().withThreshold(0.99);
        InMemoryDedupIndex bounded = new InMemoryDedupIndex(settings, t -> false);
        InMemoryDedupIndex unbounded = new InMemoryDedupIndex(settings.withMaxCandidates(Integer.MAX_VALUE),
                t -> false);
        List<String> texts = LookAlikes.texts(41, 32, 30, new Random(3));
        for (int i = 0; i < 40; i++) {
            bounded.add(String.valueOf(i), texts.get(i));
            unbounded.add(String.valueOf(i), texts.get(i));
        }
        String newcomer = texts.get(40);
        List<String> all = unbounded.candidates(newcomer);
        List<String> shortlist = bounded.candidates(newcomer);

        assertEquals(40, all.size(), "every look-alike shares a band key with the newcomer");
        assertEquals(settings.maxCandidates(), shortlist.size());
        assertEquals(all.stream().filter(shortlist::contains).toList(), shortlist, "a subset, oldest first");
        Fingerprinter f = new Fingerprinter(settings, t -> false);
        long leastKept = shortlist.stream().mapToLong(id -> sharedKeys(f, newcomer, texts.get(Integer.parseInt(id))))
                .min().orElseThrow();
        all.stream().filter(id -> !shortlist.contains(id)).forEach(dropped -> assertTrue(
                sharedKeys(f, newcomer, texts.get(Integer.parseInt(dropped))) <= leastKept, dropped));
    }

    private static long sharedKeys(Fingerprinter f, String a, String b) {
        long[] other = f.of(b).bandKeys();
        return Arrays.stream(f.of(a).bandKeys()).distinct().filter(k -> Arrays.stream(other).anyMatch(o -> o == k))
                .count();
    }

    @Test
    void greetingsTooShortToCarryContentNeverCluster() {
        InMemoryDedupIndex index = new InMemoryDedupIndex(DedupSettings.loadDefault(), t -> false);
        index.add("g1", "点赞！");
        assertEquals("g2", index.add("g2", "点赞！").clusterId());
    }

    @Test
    void anItemSharingNoBandKeyIsNeverACandidate() {
        InMemoryDedupIndex index = InMemoryDedupIndex.withDefaults();
        index.add("r1", ROBOTS);
        DedupIndex.Assignment unrelated = index.add("x", "建议扩大算力券覆盖面，把中小企业和高校科研团队纳入申领范围。");
        assertNull(unrelated.similarTo());
        assertEquals(0.0, unrelated.similarity());
    }

    @Test
    void bandKeysArePureAndSharedByParaphrases() {
        Fingerprinter a = new Fingerprinter(DedupSettings.loadDefault(), t -> false);
        Fingerprinter b = new Fingerprinter(DedupSettings.loadDefault(), t -> false);
        Fingerprint first = a.of(ROBOTS);
        assertArrayEquals(first.bandKeys(), b.of(ROBOTS).bandKeys());
        assertEquals(first.signature(), b.of(ROBOTS).signature());
        DedupSettings s = DedupSettings.loadDefault();
        assertEquals(s.permutations() / s.rowsPerBand(), first.bandKeys().length);
        long[] other = a.of(ROBOTS_AGAIN).bandKeys();
        assertTrue(Arrays.stream(first.bandKeys()).anyMatch(k -> Arrays.stream(other).anyMatch(o -> o == k)));
    }

    @Test
    void similarityIsExactJaccardOfShingles() {
        Fingerprinter f = new Fingerprinter(DedupSettings.loadDefault(), t -> false);
        assertEquals(1.0, f.of(ROBOTS).similarity(f.of(ROBOTS)));
        assertEquals(0.0, f.of("").similarity(f.of(ROBOTS)));
        assertFalse(f.of(ROBOTS).similarity(f.of(ROBOTS_AGAIN)) >= 1.0);
    }
}
