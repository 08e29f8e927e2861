package io.planconsult.tagging.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The committed model proves its own content. That retraining reproduces it byte for byte is checked where the
 * trainer lives, in the tagging tools module ({@code CommittedModelReproducibilityTest}).
 */
class ModelReproducibilityTest {

    @Test
    void committedModelChecksumMatchesItsContent() {
        ModelFile committed = LogisticModel.loadDefault().file();
        assertEquals(committed.checksum(), ModelFile.contentChecksum(committed));
        assertEquals("lr-" + committed.checksum().substring(0, 12), committed.version());
    }
}
