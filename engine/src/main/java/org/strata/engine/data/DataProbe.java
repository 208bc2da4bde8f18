package org.strata.engine.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.DataFit;
import org.strata.engine.analysis.DataShape;
import org.strata.engine.analysis.Fix;
import org.strata.engine.analysis.Problem;
import org.strata.engine.graph.Graph;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.Params;
import org.strata.engine.project.DatasetSpec;
import org.strata.engine.project.Project;
import org.strata.engine.text.Message;

/**
 * Reads a project's dataset the way training will, to learn what a network must fit before anyone presses Train:
 * the shape of a sample, the classes, or why the data cannot be read. An editor probes again when {@link #stamp}
 * changes (another dataset setting, or a data file changed on disk).
 */
public final class DataProbe {
    /** Header names that usually hold the label, tried in order when the label column named is not in the file. */
    private static final List<String> LABEL_NAMES = List.of("label", "labels", "class", "target", "y", "species",
            "category", "digit", "output");

    /** Samples a preview shows at most. */
    public static final int PREVIEW_SAMPLES = 24;

    private DataProbe() {
    }

    /**
     * What the probe found.
     *
     * @param shape   what a network must fit, when the data could be read; else null
     * @param error   why the data cannot be read (or there is none); null when it could
     * @param columns a CSV file's header, when it could be read (the label column is one of them); else empty
     * @param preview what the data holds, when it could be read; else null
     */
    public record Result(DataShape shape, Message error, List<String> columns, DataPreview preview) {
        public Result {
            columns = List.copyOf(columns);
        }

        /** Data that could not be read: no shape and nothing to preview. */
        public Result(DataShape shape, Message error, List<String> columns) {
            this(shape, error, columns, null);
        }

        /** @return what the data holds, when it could be read */
        public java.util.Optional<DataPreview> previewed() {
            return java.util.Optional.ofNullable(preview);
        }

        /**
         * @return everything that would stop {@code graph} training on this data: why the data cannot be read, or
         * where the graph does not fit it, each with a one-click fix where one change repairs it
         */
        public List<Problem> problems(Graph graph, Analysis analysis) {
            if (shape != null) return DataFit.problems(graph, analysis, shape);
            Problem p = new Problem(Problem.Severity.ERROR, null, error.english(), error.code(), error.args());
            if ("dataset.csv.noColumn".equals(error.code()) && !columns.isEmpty()) {
                String guess = likelyLabel(columns);
                p = p.withFix(Fix.dataset(Map.of("labelColumn", guess), "fix.labelColumn", "Set label column to '" + guess
                        + "'", guess));
            }
            return List.of(p);
        }
    }

    /** Reads the dataset of {@code project}; never throws: what goes wrong is the result's error. */
    public static Result probe(Project project) {
        if (project.dataset().isEmpty()) {
            return new Result(null, Message.of("dataset.none", project.name() + " has no dataset: choose one in the "
                    + "project settings", project.name()), List.of());
        }
        List<String> columns = columns(project);
        try {
            Dataset d = DatasetLoader.load(project);
            return new Result(d.shape(), null, columns, DataPreview.of(d, PREVIEW_SAMPLES));
        } catch (DatasetException e) {
            return new Result(null, e.text(), columns);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // the editor probes on a background thread: an Error there would leave the data unread without a word
            return new Result(null, Message.of("data.outOfMemory", "Reading the data ran out of memory: it is too "
                    + "large for the memory Java has here; make it smaller (fewer samples, a shorter length, smaller "
                    + "images)"), columns);
        } catch (IOException | RuntimeException e) {
            // a damaged file (a truncated .gz, an unreadable image) reaches here as the library says it
            String what = e.getMessage() == null ? "" : ": " + org.strata.engine.text.Excerpt.of(e.getMessage());
            return new Result(null, Message.plain("The dataset cannot be read" + what + "; check its files"), columns);
        }
    }

    /**
     * @return a text that changes whenever the dataset's settings or its files change (their size or time on
     * disk): the editor probes again when it does
     */
    public static String stamp(Project project) {
        if (project.dataset().isEmpty()) return "none";
        DatasetSpec spec = project.dataset().get();
        StringBuilder s = new StringBuilder(spec.kind().key()).append(spec.params());
        for (ParamSpec p : spec.params().table().specs()) {
            if (!p.type().isPath() || spec.params().getString(p.name()).isBlank()) continue;
            Path f = project.resolve(spec.params().getString(p.name()));
            s.append('|').append(f);
            try {
                s.append(':').append(Files.size(f)).append(':').append(Files.getLastModifiedTime(f).toMillis());
            } catch (IOException e) {
                s.append(":missing");
            }
        }
        return s.toString();
    }

    private static List<String> columns(Project project) {
        DatasetSpec spec = project.dataset().orElseThrow();
        Params p = spec.params();
        boolean text = spec.kind() == org.strata.engine.project.DatasetKind.TEXT;
        boolean csv = spec.kind() == org.strata.engine.project.DatasetKind.CSV
                || spec.kind() == org.strata.engine.project.DatasetKind.SEQUENCE;
        if (!csv && !text || p.getString("path").isBlank()) {
            return List.of();
        }
        try {
            Path file = project.resolve(p.getString("path"));
            java.nio.charset.Charset charset = StrictText.charset(p.getString("encoding"));
            return text ? TextTable.header(file, charset) : CsvReader.header(file, charset);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The header cell most likely to be the label: a usual label name, else the last column. */
    static String likelyLabel(List<String> columns) {
        List<String> lower = new ArrayList<>();
        for (String c : columns) lower.add(c.toLowerCase(Locale.ROOT));
        for (String name : LABEL_NAMES) {
            int i = lower.indexOf(name);
            if (i >= 0) return columns.get(i);
        }
        return columns.get(columns.size() - 1);
    }
}
