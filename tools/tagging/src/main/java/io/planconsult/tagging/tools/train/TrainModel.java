package io.planconsult.tagging.tools.train;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.planconsult.tagging.tools.data.HeldOutSplit;
import io.planconsult.tagging.tools.data.Jsonl;
import io.planconsult.tagging.tools.data.LabelledSuggestion;
import io.planconsult.tagging.district.Gazetteer;
import io.planconsult.tagging.text.HanlpSegmenter;
import io.planconsult.tagging.text.JsonResources;
import io.planconsult.tagging.topics.DomainWords;
import io.planconsult.tagging.topics.LogisticHyper;
import io.planconsult.tagging.topics.ModelFile;
import io.planconsult.tagging.topics.Taxonomy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Trains the topic model on the training split of a labelled JSONL file and writes the model file.
 * <pre>TrainModel &lt;jsonl&gt; [out.json]</pre>
 * The held-out split (see {@link HeldOutSplit}) is never read for training.
 */
public final class TrainModel {

    /** Where the service reads its model from, relative to the repository root. */
    public static final Path MODEL_IN_SERVICE =
            Path.of("tagging-service/src/main/resources/tagging/model/topic-lr.json");

    private TrainModel() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: TrainModel <jsonl> [out.json]");
            System.exit(2);
        }
        Path out = args.length > 1 ? Path.of(args[1]) : defaultOut();
        List<LabelledSuggestion> all = Jsonl.read(Path.of(args[0]));
        ModelFile model = trainDefault(HeldOutSplit.training(all));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, toJson(model));
        System.out.printf("trained %s on %d of %d rows (held out %d) and %d taxonomy keywords -> %s%n",
                model.version(), model.documents(), all.size(), all.size() - model.documents(),
                model.keywordDocuments(), out);
    }

    /** Training as the build does it: default taxonomy and settings, gazetteer words in the segmenter. */
    public static ModelFile trainDefault(List<LabelledSuggestion> trainingRows) {
        Taxonomy taxonomy = Taxonomy.loadDefault();
        HanlpSegmenter segmenter = new HanlpSegmenter(DomainWords.of(taxonomy, Gazetteer.loadDefault()));
        return LogisticTrainer.train(trainingRows, taxonomy, segmenter, LogisticHyper.defaults());
    }

    /** The service's model file, found from the working directory up (exec:java runs at the repository root). */
    static Path defaultOut() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(MODEL_IN_SERVICE).getParent())) {
                return dir.resolve(MODEL_IN_SERVICE);
            }
        }
        throw new IllegalStateException("run from inside the repository, or name the output file");
    }

    /** The model file's exact bytes: what the service loads and the checksum test compares. */
    public static String toJson(ModelFile model) throws IOException {
        return JsonResources.MAPPER.copy().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(model)
                + "\n";
    }
}
