package org.strata.engine.export.formats;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.strata.engine.export.Dl4jProof;
import org.strata.engine.export.Exporters;
import org.strata.engine.export.NpzProof;
import org.strata.engine.export.Proof;
import org.strata.engine.export.ProofSamples;
import org.strata.engine.export.onnx.OnnxExport;
import org.strata.engine.export.onnx.OnnxProof;
import org.strata.engine.export.pytorch.PyTorchExport;
import org.strata.engine.export.pytorch.PyTorchProof;
import org.strata.engine.model.TrainedModel;

/**
 * Every format a trained model leaves Strata in, each written and then proved against the model by a runtime of
 * its own: the command line and the window's Export Weights… both go through here, so they cannot drift apart.
 */
public enum ExportFormat {
    /** An ONNX file, proved by ONNX Runtime. */
    ONNX,
    /** A folder (model.py, weights.npz, README.md), proved by PyTorch where the machine has it. */
    PYTORCH,
    /** NumPy arrays, proved by Strata's plain-Java reader of the file. */
    NPZ,
    /** Deeplearning4j's zip, proved by Deeplearning4j loading it. */
    DL4J;

    /** Samples an export is proved on, at most. */
    public static final int PROOF_SAMPLES = 256;

    /** @return the name on the command line ("onnx") */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the format named {@code key} */
    public static ExportFormat of(String key) {
        return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no export format " + key));
    }

    /**
     * Writes {@code model} to {@code out} (a folder for PyTorch), and for a model of texts its vocabulary beside it
     * ({@link #vocabularyFile}).
     *
     * @throws UnsupportedOperationException naming the layer, when a layer cannot be written in this format
     */
    public void write(TrainedModel model, Path out, String version) throws java.io.IOException {
        switch (this) {
            case ONNX -> OnnxExport.write(model, out, version);
            case PYTORCH -> PyTorchExport.write(model, out, version);
            case NPZ -> Exporters.npz(model, out);
            case DL4J -> Exporters.dl4j(model, out);
        }
        // a model of texts reads token numbers: the tokens behind them go beside it, to read a new text as Strata did
        if (model.text().isPresent()) {
            org.strata.engine.project.AtomicFiles.write(vocabularyFile(out), model.text().get().toJson());
        }
    }

    /** @return where a text model's tokenizer and vocabulary go beside an export at {@code out} */
    public Path vocabularyFile(Path out) {
        return this == PYTORCH ? out.resolve("vocabulary.json")
                : out.resolveSibling(out.getFileName() + ".vocabulary.json");
    }

    /**
     * Proves a written export on up to {@link #PROOF_SAMPLES} held-out samples and keeps the proof beside it
     * ({@link #proofFile}). A PyTorch folder is run by PyTorch where this machine has it; else its weights.npz is
     * proved by Strata's reader (the proof's format then says "npz").
     */
    public Proof prove(TrainedModel model, Path out) throws Exception {
        ProofSamples samples = ProofSamples.of(model, PROOF_SAMPLES);
        Proof proof = switch (this) {
            case ONNX -> OnnxProof.check(model, out, samples);
            case DL4J -> Dl4jProof.check(model, out, samples);
            case NPZ -> NpzProof.check(model, out, samples);
            case PYTORCH -> {
                var python = PyTorchProof.python();
                yield python.isPresent() ? PyTorchProof.check(model, out, samples, python.get())
                        : NpzProof.check(model, out.resolve("weights.npz"), samples);
            }
        };
        proof.write(proofFile(out));
        return proof;
    }

    /** @return where the proof of an export at {@code out} is kept: FILE.proof.json, or the folder's proof.json */
    public Path proofFile(Path out) {
        return this == PYTORCH ? out.resolve("proof.json") : out.resolveSibling(out.getFileName() + ".proof.json");
    }
}
