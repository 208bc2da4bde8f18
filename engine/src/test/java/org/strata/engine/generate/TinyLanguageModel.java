package org.strata.engine.generate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.strata.engine.Graphs;
import org.strata.engine.data.Dataset;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.params.Params;
import org.strata.engine.project.DatasetKind;
import org.strata.engine.project.DatasetSpec;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.project.TrainingSettings;
import org.strata.engine.train.TrainedModels;
import org.strata.engine.train.TrainingSession;

/**
 * A small causal transformer that learns a Chinese poem character by character (as in LanguageModelDatasetTest):
 * embedding, positions, causal attention, a Dense to the vocabulary at every step.
 */
public final class TinyLanguageModel {
    /** The corpus's text, repeated. */
    public static final String POEM = "床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n";
    /** T: the tokens the model reads at once. */
    public static final int CONTEXT = 8;

    private TinyLanguageModel() {
    }

    /** Writes the corpus and the project {@code poems.strata} into {@code dir}; returns the project's file. */
    public static Path project(Path dir) throws Exception {
        Files.writeString(dir.resolve("poems.txt"), POEM.repeat(40), StandardCharsets.UTF_8);
        Params p = DatasetKind.LANGUAGE_MODEL.params().defaults();
        p.set("corpus", "poems.txt").set("context", CONTEXT).set("stride", 1).set("validationSplit", 0.1)
                .set("testSplit", 0.0);
        int vocabulary = 22; // 19 characters and the line break, <pad> and <unk>
        var graph = new Graphs().then("input", "Input", "kind", "vector", "size", CONTEXT)
                .then("embedding", "Embedding", "vocabulary", vocabulary, "dimension", 16, "maskPadding", false)
                .then("position", "PositionEmbedding")
                .then("attention", "MultiHeadAttention", "heads", 2, "keySize", 8, "causal", true)
                .then("step", "Dense", "units", vocabulary, "activation", "identity")
                .then("output", "Output", "loss", "softmax_cross_entropy", "metric", "accuracy").build();
        Project project = new Project("poems", "", graph, new DatasetSpec(DatasetKind.LANGUAGE_MODEL, p),
                TrainingSettings.defaults());
        project.training().set("learningRate", 0.01).set("optimizer", "adam").set("epochs", 4);
        Path file = dir.resolve("poems.strata");
        ProjectFile.save(project, file);
        return file;
    }

    /** @return the project in {@code dir} trained {@code epochs} epochs, as a model */
    public static TrainedModel trained(Path dir, int epochs) throws Exception {
        Project p = ProjectFile.load(project(dir));
        TrainingSession s = TrainingSession.create(p);
        s.setEpochs(epochs);
        s.run();
        Dataset data = s.dataset();
        return TrainedModels.of(p, s.backend(), data.classNames(), data.normalizer().shift(),
                data.normalizer().scale(), epochs, data.text());
    }
}
