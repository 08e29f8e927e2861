package io.planconsult.tagging.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.planconsult.tagging.data.HeldOutSplit;
import io.planconsult.tagging.data.Jsonl;
import io.planconsult.tagging.topics.train.LogisticTrainer;
import io.planconsult.tagging.topics.train.TrainModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ModelReproducibilityTest {

    @Test
    void committedModelChecksumMatchesItsContent() {
        ModelFile committed = LogisticModel.loadDefault().file();
        assertEquals(committed.checksum(), LogisticTrainer.contentChecksum(committed));
        assertEquals("lr-" + committed.checksum().substring(0, 12), committed.version());
    }

    @Test
    void retrainingOnTheTrainingSplitReproducesTheCommittedModel() {
        Path data = Path.of(System.getProperty("tagging.data", "/work/shared/data/dev-suggestions.jsonl"));
        assumeTrue(Files.isReadable(data), "labelled data not available at " + data);
        ModelFile retrained = TrainModel.trainDefault(HeldOutSplit.training(Jsonl.read(data)));
        ModelFile committed = LogisticModel.loadDefault().file();
        assertEquals(committed.trainedOn(), retrained.trainedOn(), "training rows changed");
        assertEquals(committed.checksum(), retrained.checksum());
    }
}
