package org.strata.engine.export.pytorch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.strata.engine.export.Proof;
import org.strata.engine.export.ProofSamples;
import org.strata.engine.export.Proofs;
import org.strata.engine.model.FloatArray;
import org.strata.engine.model.NpzIO;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.train.ModelNetwork;

/**
 * Proves a PyTorch export with PyTorch: the exported {@code model.py} is imported by a python3 that has PyTorch,
 * its weights loaded with {@code load_weights}, and run on the held-out samples; its outputs are compared with the
 * trained model's.
 */
public final class PyTorchProof {
    private static final String SCRIPT = String.join("\n",
            "import sys, numpy as np, torch",
            "sys.path.insert(0, sys.argv[1])",
            "import model as m",
            "weights = sys.argv[1] + '/weights.npz'",
            "net = m.load_weights(m.Net(), weights).eval()",
            "x = m.normalise(np.load(sys.argv[2])['x'], weights)",
            "with torch.no_grad():",
            "    y = net(torch.from_numpy(x)).numpy()",
            "np.savez(sys.argv[3], y=y.reshape(len(y), -1).astype(np.float32))",
            "print(torch.__version__)");

    private PyTorchProof() {
    }

    /** @return a python3 on this machine that has PyTorch, if there is one */
    public static Optional<String> python() {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import torch").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0) return Optional.of(candidate);
            } catch (IOException e) {
                // not this one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Runs the export in {@code dir} with PyTorch on {@code samples}.
     *
     * @throws IOException when PyTorch fails to run the exported code (its last lines of output in the message)
     */
    public static Proof check(TrainedModel model, Path dir, ProofSamples samples, String python)
            throws IOException, InterruptedException {
        float[][] raw = samples.raw();
        Path work = Files.createTempDirectory("strata-proof");
        try {
            Path in = work.resolve("samples.npz");
            Path out = work.resolve("outputs.npz");
            Path script = work.resolve("prove.py");
            int features = raw.length == 0 ? 0 : raw[0].length;
            float[] x = new float[raw.length * features];
            for (int i = 0; i < raw.length; i++) System.arraycopy(raw[i], 0, x, i * features, features);
            NpzIO.write(in, Map.of("x", new FloatArray(model.batchShape(raw.length), x)));
            Files.writeString(script, SCRIPT);
            Process p = new ProcessBuilder(python, script.toString(), dir.toAbsolutePath().toString(), in.toString(),
                    out.toString()).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(out)) {
                List<String> lines = said.lines().toList();
                throw new IOException("PyTorch could not run the export: "
                        + String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size())));
            }
            float[][] got = rows(NpzIO.read(out).get("y"), raw.length);
            Proofs.Comparison c = Proofs.compare(ModelNetwork.of(model).predict(raw), got,
                    model.classNames().size());
            String version = said.lines().reduce((a, b) -> b).orElse("").trim();
            return new Proof("pytorch", "PyTorch", version, raw.length, samples.from(), c.maxAbsDiff(),
                    c.sameClass(), c.agree(raw.length) ? "" : "(the outputs)");
        } finally {
            try (var files = Files.list(work)) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(work);
        }
    }

    /** @return {@code y}'s values as {@code n} rows */
    private static float[][] rows(FloatArray y, int n) throws IOException {
        if (y == null) throw new IOException("PyTorch wrote no outputs");
        float[] v = y.values();
        int width = n == 0 ? 0 : v.length / n;
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) out[i] = java.util.Arrays.copyOfRange(v, i * width, (i + 1) * width);
        return out;
    }
}
