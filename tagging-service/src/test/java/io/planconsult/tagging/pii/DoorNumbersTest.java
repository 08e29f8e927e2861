package io.planconsult.tagging.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DoorNumbersTest {

    @Test
    void doorsTriedOnlyAtDigitsAreTheDoorsFindWouldFind() {
        String[] pieces = {"3", "12", "501", "1203", "-", " ", "幢", "栋", "号楼", "座", "楼", "单元", "门", "室", "户",
            "号房", "号", "住在", "16号线", "2室1厅", "，"};
        Random random = new Random(17);
        int found = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(20); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = text.toString();
            List<String> expected = DoorNumbers.DOOR.matcher(t).results().map(m -> m.start() + "-" + m.end()).toList();
            found += expected.size();
            assertEquals(expected, DoorNumbers.matches(t).stream().map(m -> m.start() + "-" + m.end()).toList(), t);
        }
        assertTrue(found > 1_000, "too few door numbers in the random texts: " + found);
    }
}
