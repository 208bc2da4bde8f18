package org.strata.engine.generate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.strata.engine.Graphs;
import org.strata.engine.data.Dataset;
import org.strata.engine.data.DatasetLoader;
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

    /** Writes the poem's corpus and the project {@code poems.strata} into {@code dir}; returns the project's file. */
    public static Path project(Path dir) throws Exception {
        return project(dir, POEM.repeat(40), "characters", 1000);
    }

    /**
     * Writes {@code corpus} and a project {@code poems.strata} that learns it into {@code dir}: its Embedding and
     * its last Dense as large as the vocabulary the data gives.
     *
     * @return the project's file
     */
    public static Path project(Path dir, String corpus, String tokenizer, int vocabularySize) throws Exception {
        Files.writeString(dir.resolve("poems.txt"), corpus, StandardCharsets.UTF_8);
        Params p = DatasetKind.LANGUAGE_MODEL.params().defaults();
        p.set("corpus", "poems.txt").set("context", CONTEXT).set("stride", 1).set("validationSplit", 0.1)
                .set("testSplit", 0.0).set("tokenizer", tokenizer).set("vocabularySize", vocabularySize);
        Path file = dir.resolve("poems.strata");
        ProjectFile.save(project(p, 22), file); // 19 characters and the line break, <pad> and <unk>
        int vocabulary = DatasetLoader.load(ProjectFile.load(file)).classNames().size();
        if (vocabulary != 22) ProjectFile.save(project(p, vocabulary), file);
        return file;
    }

    private static Project project(Params data, int vocabulary) {
        var graph = new Graphs().then("input", "Input", "kind", "vector", "size", CONTEXT)
                .then("embedding", "Embedding", "vocabulary", vocabulary, "dimension", 16, "maskPadding", false)
                .then("position", "PositionEmbedding")
                .then("attention", "MultiHeadAttention", "heads", 2, "keySize", 8, "causal", true)
                .then("step", "Dense", "units", vocabulary, "activation", "identity")
                .then("output", "Output", "loss", "softmax_cross_entropy", "metric", "accuracy").build();
        Project project = new Project("poems", "", graph, new DatasetSpec(DatasetKind.LANGUAGE_MODEL, data),
                TrainingSettings.defaults());
        project.training().set("learningRate", 0.01).set("optimizer", "adam").set("epochs", 4);
        return project;
    }

    /** @return the poem's project in {@code dir} trained {@code epochs} epochs, as a model */
    public static TrainedModel trained(Path dir, int epochs) throws Exception {
        return trainedFrom(project(dir), epochs);
    }

    /** @return the project {@code file} trained {@code epochs} epochs (0: its fresh weights), as a model */
    public static TrainedModel trainedFrom(Path file, int epochs) throws Exception {
        Project p = ProjectFile.load(file);
        TrainingSession s = TrainingSession.create(p);
        if (epochs > 0) {
            s.setEpochs(epochs);
            s.run();
        }
        Dataset data = s.dataset();
        return TrainedModels.of(p, s.backend(), data.classNames(), data.normalizer().shift(),
                data.normalizer().scale(), epochs, data.text());
    }
}
