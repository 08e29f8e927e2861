package io.planconsult.tagging.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LongIntMapTest {

    @Test
    void keepsEveryEntryAcrossGrowth() {
        LongIntMap map = new LongIntMap(2);
        for (int i = 0; i < 10_000; i++) {
            map.put(i * 65_537L, i);
        }
        assertEquals(10_000, map.size());
        for (int i = 0; i < 10_000; i++) {
            assertEquals(i, map.get(i * 65_537L, -1));
        }
        assertEquals(-1, map.get(3L, -1));
    }

    @Test
    void answersLikeAHashMapForPresentAndAbsentKeys() {
        java.util.Random random = new java.util.Random(11);
        for (int round = 0; round < 50; round++) {
            LongIntMap map = new LongIntMap(1 + random.nextInt(50));
            java.util.Map<Long, Integer> expected = new java.util.HashMap<>();
            for (int i = random.nextInt(3_000); i > 0; i--) {
                long key = random.nextInt(1 << 20) * (round % 2 == 0 ? 1L : 65_536L);
                map.put(key, i);
                expected.put(key, i);
            }
            for (int probe = 0; probe < 20_000; probe++) {
                long key = random.nextInt(1 << 20) * (round % 2 == 0 ? 1L : 65_536L);
                assertEquals(expected.getOrDefault(key, -1), map.get(key, -1), "key " + key);
            }
        }
    }

    @Test
    void puttingAKeyAgainReplacesItsValue() {
        LongIntMap map = new LongIntMap(4);
        map.put(7, 1);
        map.put(7, 2);
        assertEquals(1, map.size());
        assertEquals(2, map.get(7, -1));
    }

    @Test
    void wordTableNumbersWordsByListPositionAndKnowsNoOthers() {
        WordTable table = new WordTable(List.of("算力", "算力券", "ai"));
        assertEquals(0, table.id("算力"));
        assertEquals(1, table.id("算力券"));
        assertEquals(2, table.id("ai"));
        assertEquals(-1, table.id("算"));
        assertEquals(-1, table.id(""));
    }
}
