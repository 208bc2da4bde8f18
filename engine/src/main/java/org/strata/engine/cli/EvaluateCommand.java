package org.strata.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.strata.engine.data.Dataset;
import org.strata.engine.data.DatasetLoader;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.project.Project;
import org.strata.engine.train.Evaluation;
import org.strata.engine.train.TrainingSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strata evaluate FILE --model ZIP}: metric and confusion matrix on the test split. */
@Command(name = "evaluate", description = "Evaluate a trained model on the project's test split.")
final class EvaluateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the .strata project whose data to use")
    Path file;

    @Option(names = "--model", paramLabel = "ZIP", required = true, description = "a model.zip written by train")
    Path modelFile;

    @Option(names = "--device", paramLabel = "DEVICE", description = "auto (default), cpu or cuda, as for train")
    Devices.Device device;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        String refused = Devices.refusal(device);
        if (refused != null) {
            spec.commandLine().getErr().println("error: " + refused);
            return 1;
        }
        Project project = ProjectArgs.load(file);
        TrainedModel model = TrainedModel.load(modelFile);
        var net = org.strata.engine.train.ModelNetwork.of(model, modelFile.getFileName().toString(),
                org.strata.engine.train.Backends.Preference.AUTO).network();
        // the data's labels numbered by the model's class names, not by their order in today's file
        Dataset data = DatasetLoader.load(project, model.readAs());
        TrainingSession s = TrainingSession.continueFrom(model.project(), data, net);
        boolean onTest = data.test().size() > 0;
        Evaluation e = s.evaluate(onTest ? data.test() : data.validation(), 0);
        w.println(String.format(Locale.ROOT, "%s split: %d samples  loss %.4f  %s %.4f", onTest ? "test"
                : "validation", e.samples(), e.loss(), e.metricName(), e.metric()));
        if (e.confusion() != null) {
            w.println("confusion matrix (rows: true class, columns: predicted):");
            w.print(e.confusionText());
        }
        return 0;
    }
}
