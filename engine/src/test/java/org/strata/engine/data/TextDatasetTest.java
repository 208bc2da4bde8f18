package org.strata.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.Samples;
import org.strata.engine.analysis.DataFit;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.analysis.Problem;
import org.strata.engine.data.text.Vocabulary;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.project.DatasetKind;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.train.TrainingSession;
import org.strata.engine.train.TrainedModels;
import org.strata.engine.train.ModelNetwork;

/** The {@code text} dataset kind: texts numbered by the training texts' vocabulary, kept with the trained model. */
class TextDatasetTest {
    @TempDir
    Path dir;

    private Project project(String csv, Object... kv) throws Exception {
        Files.writeString(dir.resolve("texts.csv"), csv, StandardCharsets.UTF_8);
        List<Object> all = new ArrayList<>(List.of("path", "texts.csv"));
        all.addAll(List.of(kv));
        return DatasetTestSupport.project(dir, DatasetKind.TEXT, all.toArray());
    }

    private static String rows(int n) {
        StringBuilder b = new StringBuilder("text,label\n");
        for (int i = 0; i < n; i++) b.append(i % 2 == 0 ? "a good film,pos\n" : "a bad film,neg\n");
        return b.toString();
    }

    @Test
    void texts_become_padded_token_numbers_of_a_vocabulary_built_on_the_training_split_only() throws Exception {
        // one text holds a word no other has: it is in the vocabulary only if that text is a training text
        StringBuilder csv = new StringBuilder(rows(40));
        csv.append("a splendid film,pos\n");
        Dataset d = DatasetLoader.load(project(csv.toString(), "length", 5, "testSplit", 0.0, "validationSplit", 0.5,
                "seed", 7));
        assertEquals(List.of("pos", "neg"), d.classNames());
        var text = d.text().orElseThrow();
        assertEquals(5, d.featureShape().size());
        boolean splendidTrains = false;
        for (int i = 0; i < d.train().size(); i++) splendidTrains |= d.train().sourceIndex(i) == 40;
        assertEquals(splendidTrains, text.vocabulary().tokens().contains("splendid"));
        // a training sample reads as its tokens' numbers, then <pad>; the normalisation is none
        float[] row = new float[5];
        int source = d.train().sourceIndex(0);
        d.train().features(0, row, 0);
        String written = source % 2 == 0 ? "a good film" : "a bad film";
        if (source == 40) written = "a splendid film";
        assertArrayEquals(text.encode(written), row);
        assertEquals(0f, row[3]);
        assertEquals(0f, row[4]);
        assertEquals(Vocabulary.UNKNOWN, text.vocabulary().tokens().get((int) text.encode("an awful film")[1]));
    }

    @Test
    void malformed_text_files_are_refused_naming_the_file_and_line() throws Exception {
        var noColumn = assertThrows(DatasetException.class, () -> DatasetLoader.load(project(rows(10),
                "textColumn", "review")));
        assertEquals("dataset.text.noColumn", noColumn.text().code());
        assertTrue(noColumn.getMessage().contains("texts.csv"), noColumn.getMessage());

        var emptyText = assertThrows(DatasetException.class, () -> DatasetLoader.load(project(rows(4) + ",pos\n")));
        assertEquals("dataset.text.noText", emptyText.text().code());
        assertTrue(emptyText.getMessage().contains("line 6"), emptyText.getMessage());

        Path latin1 = dir.resolve("texts.csv");
        Project p = project(rows(4));
        Files.write(latin1, "text,label\ncaf\u00e9,pos\n".getBytes(StandardCharsets.ISO_8859_1));
        var notUtf8 = assertThrows(DatasetException.class, () -> DatasetLoader.load(p));
        assertEquals("dataset.encoding.undecodable", notUtf8.text().code());
        // the probe, as the editor asks it, says the same and throws nothing
        assertEquals("dataset.encoding.undecodable", DataProbe.probe(p).error().code());
    }

    @Test
    void the_columns_of_a_tsv_file_are_offered_even_when_the_text_column_is_wrong() throws Exception {
        Files.writeString(dir.resolve("reviews.tsv"), "review\tstars\tlabel\n\"good, really\"\t5\tpos\n");
        Project p = DatasetTestSupport.project(dir, DatasetKind.TEXT, "path", "reviews.tsv");
        var probe = DataProbe.probe(p);
        assertEquals("dataset.text.noColumn", probe.error().code());
        assertEquals(List.of("review", "stars", "label"), probe.columns());
    }

    @Test
    void an_embedding_smaller_than_the_vocabulary_is_a_problem_with_a_fix() throws Exception {
        Project p = ProjectFile.load(Samples.file("which-language"));
        var analysis = GraphAnalyzer.analyze(p.graph());
        var shape = DatasetLoader.load(p).shape();
        assertTrue(DataFit.problems(p.graph(), analysis, shape).isEmpty());
        p.graph().require("embedding").params().set("vocabulary", 20);
        List<Problem> found = DataFit.problems(p.graph(), analysis, shape);
        assertEquals(1, found.size(), found.toString());
        assertEquals("data.vocabulary", found.get(0).code());
        assertEquals("embedding", found.get(0).nodeId());
        assertEquals(shape.tokens(), found.get(0).fix().values().get("vocabulary"));
    }

    @Test
    void a_saved_or_exported_model_reads_a_typed_text_as_training_read_its_data() throws Exception {
        Project p = ProjectFile.load(Samples.file("which-language"));
        TrainingSession s = TrainingSession.create(p);
        s.setEpochs(1);
        s.run();
        var data = s.dataset();
        Path file = dir.resolve("model.zip");
        TrainedModels.of(p, s.backend(), data.classNames(), data.normalizer().shift(), data.normalizer().scale(), 1,
                data.text()).save(file);
        TrainedModel back = TrainedModel.load(file);
        var text = back.text().orElseThrow();
        assertEquals(data.text().orElseThrow().vocabulary().tokens(), text.vocabulary().tokens());
        // the first training sample, found again from its word in the file
        var table = TextTable.read(Samples.file("which-language").resolveSibling("words.csv"), "word", "language");
        float[] seen = new float[12];
        data.train().rawFeatures(0, seen, 0);
        assertArrayEquals(seen, text.encode(table.texts().get(data.train().sourceIndex(0))));
        float[] p1 = ModelNetwork.of(back).predict(new float[][]{text.encode("zeitgeist")})[0];
        float[] p0 = s.backend().predictValues(org.nd4j.linalg.factory.Nd4j.create(new float[][]{
                data.text().get().encode("zeitgeist")}));
        assertArrayEquals(p0, p1, 1e-6f);

        // an export carries the same reading of texts beside it
        var format = org.strata.engine.export.formats.ExportFormat.NPZ;
        Path npz = dir.resolve("weights.npz");
        format.write(back, npz, "test");
        var exported = org.strata.engine.data.text.TextEncoding.fromJson(Files.readAllBytes(format.vocabularyFile(npz)));
        assertArrayEquals(text.encode("zeitgeist"), exported.encode("zeitgeist"));
        assertEquals(text.vocabulary().tokens(), exported.vocabulary().tokens());
    }
}
