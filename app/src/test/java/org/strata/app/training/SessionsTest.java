package org.strata.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.data.Dataset;
import org.strata.engine.data.Split;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.train.TrainingSession;
import org.strata.engine.train.TrainedModels;

/**
 * A session that goes on with trained weights (training on, or Try it on a kept run) reads today's data by the
 * class names the weights were trained with: rows in another order leave every class its meaning.
 */
class SessionsTest {
    private static final Path IRIS = Path.of("..", "sample-projects", "iris").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** @return the iris project copied into the test's folder */
    private Project iris() throws Exception {
        Files.copy(IRIS.resolve("iris.csv"), dir.resolve("iris.csv"));
        return ProjectFile.load(Files.copy(IRIS.resolve("iris.strata"), dir.resolve("iris.strata")));
    }

    /** Reverses the CSV's rows: the class that came last now comes first. @return its rows, header left out */
    private List<String> reverseRows() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("iris.csv")));
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.reverse(rows);
        List<String> out = new ArrayList<>(rows);
        out.add(0, lines.get(0));
        Files.write(dir.resolve("iris.csv"), out);
        return rows;
    }

    /** Every training sample's class, by the session's names, is the species its row in the file says. */
    private static void assertLabelsMean(Dataset d, List<String> rows) {
        Split train = d.train();
        for (int i = 0; i < train.size(); i++) {
            String row = rows.get(train.sourceIndex(i));
            assertThat(d.classNames().get(train.label(i))).isEqualTo(row.substring(row.lastIndexOf(',') + 1).trim());
        }
    }

    @Test
    void training_on_from_a_sessions_weights_reads_reordered_rows_by_its_class_names() throws Exception {
        Project project = iris();
        TrainingSession first = Sessions.forRun(project, null, 1);
        List<String> classes = first.dataset().classNames();
        assertThat(classes).containsExactly("setosa", "versicolor", "virginica");
        List<String> rows = reverseRows();
        TrainingSession next = Sessions.forRun(project, first, 1);
        assertThat(next.dataset().classNames()).isEqualTo(classes);
        assertLabelsMean(next.dataset(), rows);
    }

    @Test
    void a_kept_runs_session_reads_reordered_rows_by_the_models_class_names() throws Exception {
        Project project = iris();
        TrainingSession first = Sessions.forRun(project, null, 1);
        Dataset d = first.dataset();
        TrainedModel model = TrainedModels.of(project, first.backend(), d.classNames(), d.normalizer().shift(),
                d.normalizer().scale(), 0);
        List<String> rows = reverseRows();
        TrainingSession kept = Sessions.forKeptRun(project, null, model, NetworkStructure.of(project.graph()));
        assertThat(kept.dataset().classNames()).containsExactly("setosa", "versicolor", "virginica");
        assertLabelsMean(kept.dataset(), rows);
    }
}
