package org.strata.engine.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.strata.engine.export.Proof;
import org.strata.engine.export.formats.ExportFormat;
import org.strata.engine.export.formats.ExportTarget;
import org.strata.engine.model.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strata export ZIP --format onnx|pytorch|npz|dl4j --out FILE}. Every export is proved at once (see
 * {@link ExportFormat}): its outputs on up to 256 held-out samples are compared with the model's.
 */
@Command(name = "export", description = "Export a trained model, proved at once: onnx (ONNX Runtime), pytorch (a "
        + "folder), npz (NumPy) or dl4j (Deeplearning4j zip).")
final class ExportCommand implements Callable<Integer> {
    /** Export formats, as typed ({@link ExportFormat} by key). */
    enum Format { onnx, pytorch, npz, dl4j }

    @Parameters(paramLabel = "ZIP", description = "a model.zip written by train")
    Path modelFile;

    @Option(names = "--format", required = true, description = "onnx, pytorch (a folder), npz or dl4j")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "file (pytorch: folder) to write")
    Path out;

    @Option(names = "--replace", description = "replace an earlier export of the same format at --out (a file "
            + "Strata did not write, the model itself, a run's files or a project are never replaced)")
    boolean replace;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ExportFormat f = ExportFormat.of(format.name());
        // checked before anything is read or written: nothing Strata did not write is ever overwritten
        String refused = ExportTarget.refusal(modelFile, out, f, replace, "--out " + out);
        if (refused != null) {
            spec.commandLine().getErr().println("error: " + refused);
            return 1;
        }
        TrainedModel model = TrainedModel.load(modelFile);
        // refused here, before anything is written, when this machine cannot build its network (the proof does)
        org.strata.engine.train.ModelNetwork.checkBuild(model, modelFile.getFileName().toString());
        var print = spec.commandLine().getOut();
        try {
            f.write(model, out, StrataCli.VERSION);
        } catch (UnsupportedOperationException e) {
            spec.commandLine().getErr().println("error: cannot export to " + format + ": " + e.getMessage());
            return 1;
        }
        print.println("wrote " + out);
        Proof proof = f.prove(model, out);
        if (f == ExportFormat.PYTORCH && !proof.format().equals("pytorch")) {
            print.println("PyTorch is not installed here (apt-get install python3-torch): model.py was not run; its "
                    + "weights.npz is proved by Strata's reader");
        }
        print.println(proof.line());
        org.strata.engine.runs.RunProofs.addIfRun(modelFile, proof, out);
        if (!proof.passed()) {
            spec.commandLine().getErr().println("error: the export does not compute what the model computes ("
                    + f.proofFile(out) + ")");
            return 1;
        }
        return 0;
    }
}
