package org.strata.engine.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.analysis.Problem;
import org.strata.engine.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strata validate FILE}: exit 0 if the graph is valid, 1 with its problems listed. */
@Command(name = "validate", description = "Check a project's graph; list its problems (exit 1 if any error).")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "a .strata project")
    Path file;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Project p = ProjectArgs.load(file);
        Analysis a = GraphAnalyzer.analyze(p.graph());
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
