package io.planconsult.tagging.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class ClusterRuleTest {

    private static ClusterRule withBound(int maxCandidates) {
        return new ClusterRule(DedupSettings.loadDefault().withMaxCandidates(maxCandidates));
    }

    @Test
    void shortlistKeepsTheRepresentativesSharingTheMostBandKeysInInsertionOrder() {
        int[] positions = {9, 4, 7, 2, 5};
        int[] shared = {30, 1, 12, 40, 3};
        assertArrayEquals(new int[] {2, 7, 9}, withBound(3).shortlist(positions, shared, 5));
    }

    @Test
    void onEqualCountsTheEarlierRepresentativeIsKept() {
        int[] positions = {5, 1, 3, 2};
        int[] shared = {2, 2, 7, 2};
        assertArrayEquals(new int[] {1, 3}, withBound(2).shortlist(positions, shared, 4));
    }

    @Test
    void fewerCandidatesThanTheBoundAreAllKeptAndOnlyTheFilledPartOfTheArraysCounts() {
        int[] positions = {8, 3, 99, 98};
        int[] shared = {1, 5, 100, 100};
        assertArrayEquals(new int[] {3, 8}, withBound(16).shortlist(positions, shared, 2));
        assertArrayEquals(new int[0], withBound(16).shortlist(positions, shared, 0));
    }
}
