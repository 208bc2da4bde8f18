package org.strata.engine.cli;

import java.util.concurrent.Callable;
import org.strata.engine.layers.LayerCatalogue;
import org.strata.engine.docs.LayerDocs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strata layers [TYPE]}: the layer reference, generated from the catalogue. */
@Command(name = "layers", description = "Describe every layer type (or one): formula, parameters, weights and engines, "
        + "as Markdown.")
final class LayersCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TYPE", arity = "0..1", description = "one layer type, e.g. Conv2D")
    String type;

    @Option(names = "--markdown", description = "print the layer tables of docs/layers.md (types, engines, weights), "
            + "generated from the catalogue")
    boolean readmeTables;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        if (readmeTables) {
            out.print(LayerDocs.readmeTables());
            return 0;
        }
        if (type == null) {
            out.print(LayerDocs.markdown());
            return 0;
        }
        var t = LayerCatalogue.find(type);
        if (t.isEmpty()) {
            spec.commandLine().getErr().println("error: unknown layer type '" + type + "'; known: " + String.join(", ",
                    LayerCatalogue.all().stream().map(x -> x.id()).toList()));
            return 1;
        }
        out.print(LayerDocs.markdown(t.get()));
        return 0;
    }
}
