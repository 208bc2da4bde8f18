package org.strata.engine.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.strata.engine.export.Exporters;
import org.strata.engine.model.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strata export ZIP --format npz|dl4j --out FILE}. */
@Command(name = "export", description = "Export a trained model's weights: npz (NumPy) or dl4j (Deeplearning4j zip).")
final class ExportCommand implements Callable<Integer> {
    /** Export formats. */
    enum Format { npz, dl4j }

    @Parameters(paramLabel = "ZIP", description = "a model.zip written by train")
    Path modelFile;

    @Option(names = "--format", required = true, description = "npz or dl4j")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "file to write")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TrainedModel model = TrainedModel.load(modelFile);
        switch (format) {
            case npz -> Exporters.npz(model, out);
            case dl4j -> Exporters.dl4j(model, out);
        }
        spec.commandLine().getOut().println("wrote " + out);
        return 0;
    }
}
