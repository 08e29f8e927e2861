package io.planconsult.tagging.tools.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.planconsult.tagging.tools.data.HeldOutSplit;
import io.planconsult.tagging.tools.data.Jsonl;
import io.planconsult.tagging.topics.LogisticModel;
import io.planconsult.tagging.topics.ModelFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The model the service ships is exactly what {@link TrainModel} writes from the training split and the taxonomy. */
class CommittedModelReproducibilityTest {

    @Test
    void retrainingOnTheTrainingSplitReproducesTheCommittedModelByteForByte() throws IOException {
        Path data = Path.of(System.getProperty("tagging.data", "/work/shared/data/dev-suggestions.jsonl"));
        assumeTrue(Files.isReadable(data), "labelled data not available at " + data);
        ModelFile retrained = TrainModel.trainDefault(HeldOutSplit.training(Jsonl.read(data)));
        ModelFile committed = LogisticModel.loadDefault().file();
        assertEquals(committed.trainedOn(), retrained.trainedOn(), "training rows changed");
        assertEquals(committed.checksum(), retrained.checksum());
        assertEquals(committedBytes(), TrainModel.toJson(retrained));
    }

    private static String committedBytes() throws IOException {
        try (InputStream in = LogisticModel.class.getClassLoader().getResourceAsStream("tagging/model/topic-lr.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
