package org.strata.engine.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.analysis.ScaleEstimate;
import org.strata.engine.analysis.ScaleLines;
import org.strata.engine.analysis.SummaryTable;
import org.strata.engine.project.Project;
import org.strata.engine.text.TerminalText;
import org.strata.engine.train.ForwardTiming;
import org.strata.engine.train.TrainingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strata summary FILE}: the Keras-like table of layers, shapes, parameters and FLOPs, then how large the
 * network is and what it costs ({@link ScaleLines}); {@code --measure} times a forward pass here.
 */
@Command(name = "summary", description = "Print a table of layers, output shapes, parameters and FLOPs, then how "
        + "large the network is: memory to run and to train it, FLOPs per token, and the time training would take.")
final class SummaryCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "a .strata project")
    Path file;

    @Option(names = "--measure", description = "time one forward pass of one sample at random weights on this "
            + "machine (builds the network: a large one needs its memory and seconds)")
    boolean measure;

    @Option(names = "--tokens", paramLabel = "N", description = "tokens (samples, where the Output is not per "
            + "step) to estimate the training time for; default 20 per parameter")
    Long tokens;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Project p = ProjectArgs.load(file);
        Analysis a = GraphAnalyzer.analyze(p.graph());
        var out = spec.commandLine().getOut();
        out.println(TerminalText.escape(p.name()) + (p.description().isEmpty() ? "" : " — "
                + TerminalText.escape(p.description())));
        if (!a.isValid()) {
            out.print(SummaryTable.render(p.graph(), a));
            a.problems().forEach(pr -> out.println(pr));
            return 1;
        }
        if (tokens != null && tokens < 1) {
            spec.commandLine().getErr().println("error: --tokens must be at least 1, not " + tokens);
            return 1;
        }
        int batch = p.training().getInt("batchSize");
        String optimizer = p.training().getString("optimizer");
        out.print(SummaryTable.render(p.graph(), a));
        Optional<ScaleLines.Measured> measured = Optional.empty();
        if (measure) {
            try {
                ForwardTiming.Result r = ForwardTiming.measure(p.graph(), a, p.training(), 2);
                measured = Optional.of(new ScaleLines.Measured(r.seconds(), r.engine().title()));
            } catch (TrainingException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return 1;
            }
        }
        ScaleEstimate s = ScaleEstimate.of(p.graph(), a, batch, optimizer);
        ScaleLines.of(s, batch, optimizer, Optional.ofNullable(tokens), measured).forEach(m -> out.println(m));
        a.problems().forEach(pr -> out.println(pr));
        return 0;
    }
}
