package org.strata.engine.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.analysis.SummaryTable;
import org.strata.engine.project.Project;
import org.strata.engine.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strata summary FILE}: the Keras-like table of layers, shapes, parameters and FLOPs. */
@Command(name = "summary", description = "Print a table of layers, output shapes, parameters and FLOPs.")
final class SummaryCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "a .strata project")
    Path file;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Project p = ProjectArgs.load(file);
        Analysis a = GraphAnalyzer.analyze(p.graph());
        var out = spec.commandLine().getOut();
        out.println(TerminalText.escape(p.name()) + (p.description().isEmpty() ? "" : " — "
                + TerminalText.escape(p.description())));
        out.print(a.isValid() ? SummaryTable.render(p.graph(), a, p.training().getInt("batchSize"),
                p.training().getString("optimizer")) : SummaryTable.render(p.graph(), a));
        a.problems().forEach(pr -> out.println(pr));
        return a.isValid() ? 0 : 1;
    }
}
