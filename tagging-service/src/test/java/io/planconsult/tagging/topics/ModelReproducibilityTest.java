package io.planconsult.tagging.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.planconsult.tagging.data.HeldOutSplit;
import io.planconsult.tagging.data.Jsonl;
import io.planconsult.tagging.topics.train.NaiveBayesTrainer;
import io.planconsult.tagging.topics.train.TrainModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ModelReproducibilityTest {

    @Test
    void committedModelChecksumMatchesItsContent() {
        ModelFile committed = NaiveBayesModel.loadDefault().file();
        assertEquals(committed.checksum(), NaiveBayesTrainer.contentChecksum(committed));
        assertEquals("nb-" + committed.checksum().substring(0, 12), committed.version());
    }

    @Test
    void retrainingOnTheTrainingSplitReproducesTheCommittedModel() {
        Path data = Path.of(System.getProperty("tagging.data", "/work/shared/data/dev-suggestions.jsonl"));
        assumeTrue(Files.isReadable(data), "labelled data not available at " + data);
        ModelFile retrained = TrainModel.trainDefault(HeldOutSplit.training(Jsonl.read(data)));
        ModelFile committed = NaiveBayesModel.loadDefault().file();
        assertEquals(committed.trainedOn(), retrained.trainedOn(), "training rows changed");
        assertEquals(committed.checksum(), retrained.checksum());
    }
}
