package org.strata.engine.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.strata.engine.export.Exporters;
import org.strata.engine.export.Proof;
import org.strata.engine.export.ProofSamples;
import org.strata.engine.export.onnx.OnnxExport;
import org.strata.engine.export.onnx.OnnxProof;
import org.strata.engine.model.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strata export ZIP --format onnx|npz|dl4j --out FILE}. Every export is proved at once: ONNX Runtime,
 * Deeplearning4j loading the zip, or a plain-Java reader of the .npz runs the file on up to 256 held-out samples
 * and its outputs are compared with the model's ({@code FILE.proof.json}).
 */
@Command(name = "export", description = "Export a trained model: onnx (proved with ONNX Runtime), npz (NumPy) or "
        + "dl4j (Deeplearning4j zip).")
final class ExportCommand implements Callable<Integer> {
    /** Export formats. */
    enum Format { onnx, pytorch, npz, dl4j }

    /** Samples an export is proved on, at most. */
    static final int PROOF_SAMPLES = 256;

    @Parameters(paramLabel = "ZIP", description = "a model.zip written by train")
    Path modelFile;

    @Option(names = "--format", required = true, description = "onnx, pytorch (a folder), npz or dl4j")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "file (pytorch: folder) to write")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TrainedModel model = TrainedModel.load(modelFile);
        var print = spec.commandLine().getOut();
        try {
            switch (format) {
                case npz -> Exporters.npz(model, out);
                case dl4j -> Exporters.dl4j(model, out);
                case onnx -> OnnxExport.write(model, out, StrataCli.VERSION);
                case pytorch -> org.strata.engine.export.pytorch.PyTorchExport.write(model, out, StrataCli.VERSION);
            }
        } catch (UnsupportedOperationException e) {
            spec.commandLine().getErr().println("error: cannot export to " + format + ": " + e.getMessage());
            return 1;
        }
        print.println("wrote " + out);
        ProofSamples samples = ProofSamples.of(model, PROOF_SAMPLES);
        Proof proof = switch (format) {
            case onnx -> OnnxProof.check(model, out, samples);
            case dl4j -> org.strata.engine.export.Dl4jProof.check(model, out, samples);
            case npz -> org.strata.engine.export.NpzProof.check(model, out, samples);
            case pytorch -> pytorchProof(model, samples, print);
        };
        Path json = format == Format.pytorch ? out.resolve("proof.json")
                : out.resolveSibling(out.getFileName() + ".proof.json");
        proof.write(json);
        print.println(proof.line());
        if (!proof.passed()) {
            spec.commandLine().getErr().println("error: the export does not compute what the model computes (" + json
                    + ")");
            return 1;
        }
        return 0;
    }

    /**
     * model.py run by PyTorch where this machine has it; else its weights.npz proved by the plain-Java reader, and
     * a line saying PyTorch was not there to run model.py.
     */
    private Proof pytorchProof(TrainedModel model, ProofSamples samples, java.io.PrintWriter print) throws Exception {
        var python = org.strata.engine.export.pytorch.PyTorchProof.python();
        if (python.isPresent()) {
            return org.strata.engine.export.pytorch.PyTorchProof.check(model, out, samples, python.get());
        }
        print.println("PyTorch is not installed here (apt-get install python3-torch): model.py was not run; its "
                + "weights.npz is proved by Strata's reader");
        return org.strata.engine.export.NpzProof.check(model, out.resolve("weights.npz"), samples);
    }
}
