package org.strata.engine.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.strata.engine.data.DataPreview;
import org.strata.engine.data.DataProbe;
import org.strata.engine.project.Project;
import org.strata.engine.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strata data FILE}: what a project's dataset holds, read as training reads it: the splits, the shape of a
 * sample, the classes with their training counts, the first samples with their labels and, for texts, the
 * vocabulary. Exit 1 with the reason when the data cannot be read.
 */
@Command(name = "data", description = "Show what a project's dataset holds, read as training reads it: splits, "
        + "sample shape, classes and their counts, the first samples, a text's vocabulary.")
final class DataCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "a .strata project")
    Path file;

    @Option(names = "--rows", description = "samples to show (default ${DEFAULT-VALUE})", defaultValue = "10")
    int rows;

    @Option(names = "--tokens", description = "vocabulary tokens to show (default ${DEFAULT-VALUE})",
            defaultValue = "40")
    int tokens;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Project p = ProjectArgs.load(file);
        DataProbe.Result r = DataProbe.probe(p);
        var out = spec.commandLine().getOut();
        if (r.preview() == null) {
            spec.commandLine().getErr().println(file.getFileName() + ": " + r.error().english());
            return 1;
        }
        DataPreview d = r.preview();
        out.printf("%s: %,d training, %,d validation, %,d test samples; each %s of shape %s%n", TerminalText.escape(d.name()), d.train(),
                d.validation(), d.test(), d.shape().article(), d.shape());
        if (d.labelSteps() > 0) {
            out.println("predicts the next token at each of " + d.labelSteps() + " positions: a class of "
                    + d.classes().size() + " (the vocabulary)");
        } else if (!d.classes().isEmpty()) {
            StringBuilder b = new StringBuilder("classes (training samples):");
            for (int c = 0; c < d.classes().size(); c++) {
                b.append(c == 0 ? " " : ", ").append(TerminalText.escape(d.classes().get(c))).append(' ')
                        .append(String.format("%,d", d.classCounts()[c]));
            }
            out.println(b);
        } else {
            out.println("predicts " + d.targets() + (d.targets() == 1 ? " number" : " numbers") + " per sample");
        }
        d.text().ifPresent(t -> {
            var v = t.vocabulary();
            StringBuilder b = new StringBuilder("vocabulary: " + v.size() + " tokens (" + t.tokenizer().key()
                    + (t.lowercase() ? ", lowercased" : "") + ", " + t.length() + " per text):");
            for (int i = 0; i < Math.min(tokens, v.size()); i++) {
                String token = v.tokens().get(i).isBlank() ? "␣" : TerminalText.escape(v.tokens().get(i));
                b.append(' ').append(token).append(i < 2 ? "" : " " + v.counts().get(i));
                if (i < Math.min(tokens, v.size()) - 1) b.append(',');
            }
            if (v.size() > tokens) b.append(", …");
            out.println(b);
        });
        out.println("first training samples:");
        for (int i = 0; i < Math.min(rows, d.samples().size()); i++) {
            var s = d.samples().get(i);
            out.printf("  %2d  %s  →  %s%n", i + 1, TerminalText.escape(d.describe(s)),
                    TerminalText.escape(DataPreview.labelOf(s)));
        }
        return 0;
    }
}
