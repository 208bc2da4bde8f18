package org.strata.engine.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.strata.engine.project.Project;
import org.strata.engine.runs.WeightsImport;
import org.strata.engine.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strata import-weights NPZ --project FILE}: weights trained elsewhere (a PyTorch export's train.py) become a
 * run of the project, evaluated by Strata and checked against the figures PyTorch wrote beside them.
 */
@Command(name = "import-weights", description = "Bring weights trained elsewhere (the weights.npz a PyTorch export's "
        + "train.py writes) back as a run of the project, evaluated by Strata and checked against PyTorch's "
        + "metrics.json beside them.")
final class ImportWeightsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NPZ", description = "weights in Strata's layout, e.g. trained/weights.npz")
    Path weights;

    @Option(names = "--project", paramLabel = "FILE", required = true, description = "the .strata project they "
            + "were trained from")
    Path projectFile;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Project project = ProjectArgs.load(projectFile);
        WeightsImport.Imported done = WeightsImport.run(weights, project);
        var out = spec.commandLine().getOut();
        var r = done.run();
        out.println(String.format(java.util.Locale.ROOT, "imported as run %s (%d epochs in %s): %s %.4f on the "
                + "held-out data", r.id(), r.epochs(), TerminalText.escape(r.engine()), r.metricName(), r.testMetric()));
        out.println(TerminalText.escape(done.check().line()));
        out.println("kept in " + done.folder());
        return 0;
    }
}
