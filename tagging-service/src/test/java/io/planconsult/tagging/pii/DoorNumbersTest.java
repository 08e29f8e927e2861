package io.planconsult.tagging.pii;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.planconsult.tagging.text.FindEquivalence;

class DoorNumbersTest {

    @Test
    void doorsTriedOnlyAtDigitsAreTheDoorsFindWouldFind() {
        String[] pieces = {"3", "12", "501", "1203", "-", " ", "幢", "栋", "号楼", "座", "楼", "单元", "门", "室", "户",
            "号房", "号", "住在", "16号线", "2室1厅", "，"};
        int found = FindEquivalence.assertSameAsFind(DoorNumbers.DOOR, DoorNumbers::matches, pieces, 20, 20_000, 17);
        assertTrue(found > 1_000, "too few door numbers in the random texts: " + found);
    }
}
