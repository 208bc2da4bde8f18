package org.strata.engine.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.analysis.Problem;
import org.strata.engine.data.DataProbe;
import org.strata.engine.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strata validate FILE}: exit 0 if the graph is valid and fits its data, 1 with its problems listed (the
 * graph's and the data's: the data is read as training would read it, unless {@code --graph-only}).
 */
@Command(name = "validate", description = "Check a project's graph and that it fits its dataset; list its problems "
        + "(exit 1 if any error).")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "a .strata project")
    Path file;

    @picocli.CommandLine.Option(names = "--graph-only", description = "check the graph alone, without reading the data")
    boolean graphOnly;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Project p = ProjectArgs.load(file);
        Analysis a = GraphAnalyzer.analyze(p.graph());
        if (!graphOnly) a = a.with(DataProbe.probe(p).problems(p.graph(), a));
        var out = spec.commandLine().getOut();
        for (Problem pr : a.problems()) out.println(file.getFileName() + ": " + pr);
        if (a.isValid()) {
            out.println(file.getFileName() + ": valid (" + p.graph().nodes().size() + " nodes, "
                    + String.format("%,d", a.totalParams()) + " parameters)");
            return 0;
        }
        out.println(file.getFileName() + ": " + a.errors().size() + " error(s)");
        return 1;
    }
}
