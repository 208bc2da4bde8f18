package org.strata.engine.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.util.ModelSerializer;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.model.FloatArray;
import org.strata.engine.model.NpzIO;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.train.ModelArrays;
import org.strata.engine.train.ModelNetwork;
import org.strata.engine.train.dl4j.Dl4jCompiler;
import org.strata.engine.train.dl4j.Dl4jNetwork;
import org.strata.engine.train.dl4j.ParamAccess;

/** Writes trained weights in formats other tools load. Each writes a temp file and renames it. */
public final class Exporters {
    private Exporters() {
    }

    /**
     * NumPy {@code .npz}: one float32 array per parameter named {@code <nodeId>/<param>} in the layouts
     * docs/exports.md documents, plus {@code <inputId>/shift} and {@code <inputId>/scale}: the input normalisation x' = (x − shift)·scale.
     */
    public static void npz(TrainedModel model, Path out) throws IOException {
        Map<String, FloatArray> arrays = new LinkedHashMap<>();
        Node input = model.project().graph().inputNodes().get(0);
        arrays.put(input.id() + "/shift", FloatArray.vector(model.shift()));
        arrays.put(input.id() + "/scale", FloatArray.vector(model.scale()));
        arrays.putAll(model.weights());
        Path tmp = temp(out);
        try {
            NpzIO.write(tmp, arrays);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Deeplearning4j's own zip (weights, no optimizer state), loadable with {@code ComputationGraph.load(file, false)}. */
    public static void dl4j(TrainedModel model, Path out) throws IOException {
        Path tmp = temp(out);
        try {
            // Built afresh, so the export works whichever engine trained the model.
            Graph g = model.project().graph();
            ModelNetwork.checkBuild(model, "model.zip"); // building allocates native memory: refused before
            Dl4jNetwork net = Dl4jCompiler.compile(g, model.analysis(), model.project().training());
            ParamAccess.write(g, net, ModelArrays.nd4j(model.weights()));
            ModelSerializer.writeModel(net.graph(), tmp.toFile(), false);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path temp(Path out) throws IOException {
        Path abs = out.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        return abs.resolveSibling("." + abs.getFileName() + ".tmp");
    }
}
