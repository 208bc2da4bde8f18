package org.strata.engine.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jetbrains.bio.npy.NpzFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.Samples;
import org.strata.engine.data.Split;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.train.TrainingSession;
import org.strata.engine.train.TrainedModels;
import org.strata.engine.train.ModelArrays;

/**
 * The .npz export is complete: the seed MLP's forward pass rebuilt from the .npz alone, from raw pixels, gives the
 * engine's predictions, in Java and in NumPy.
 */
class NpzExportProofTest {
    private static final int N = 200;
    @TempDir
    static Path dir;
    static Path npz;
    static float[][] raw;
    static float[][] engine;

    @BeforeAll
    static void train_mlp_one_epoch_and_export() throws Exception {
        Project p = ProjectFile.load(Samples.file("mnist-mlp"));
        TrainingSession s = TrainingSession.create(p);
        s.setEpochs(1);
        s.run();
        TrainedModel m = TrainedModels.of(p, s.backend(), s.dataset().classNames(), s.dataset().normalizer().shift(),
                s.dataset().normalizer().scale(), 1);
        Path zip = dir.resolve("model.zip");
        m.save(zip);
        npz = dir.resolve("mlp.npz");
        Exporters.npz(TrainedModel.load(zip), npz);

        // Raw test pixels (0–255), and the engine's predictions on the same samples, normalised as in training.
        Split test = s.dataset().test();
        raw = new float[N][784];
        float[] normalised = new float[N * 784];
        for (int i = 0; i < N; i++) {
            test.features(i, normalised, i * 784);
            for (int j = 0; j < 784; j++) raw[i][j] = Math.round(normalised[i * 784 + j] * 255f);
        }
        INDArray out = s.backend().predict(Nd4j.create(normalised, new long[]{N, 784},
                DataType.FLOAT));
        engine = out.toFloatMatrix();
    }

    @Test
    void npz_holds_every_parameter_in_the_documented_layout() throws Exception {
        try (NpzFile.Reader r = NpzFile.read(npz)) {
            var names = r.introspect().stream().map(e -> e.getName()).toList();
            assertEquals(List.of("input/shift", "input/scale", "dense1/W", "dense1/b", "dense2/W", "dense2/b"), names);
            assertArrayEquals(new int[]{784, 128}, r.get("dense1/W", 1 << 20).getShape());
            assertArrayEquals(new int[]{10}, r.get("dense2/b", 1 << 20).getShape());
        }
    }

    @Test
    void java_forward_pass_from_the_npz_alone_matches_the_engine() throws Exception {
        Map<String, INDArray> w = ModelArrays.nd4j(org.strata.engine.model.NpzIO.read(npz));
        float[] shift = w.get("input/shift").toFloatVector();
        float[] scale = w.get("input/scale").toFloatVector();
        float[][] w1 = w.get("dense1/W").toFloatMatrix();
        float[] b1 = w.get("dense1/b").toFloatVector();
        float[][] w2 = w.get("dense2/W").toFloatMatrix();
        float[] b2 = w.get("dense2/b").toFloatVector();
        int agree = 0;
        for (int i = 0; i < N; i++) {
            double[] x = new double[784];
            for (int j = 0; j < 784; j++) x[j] = (raw[i][j] - shift[j]) * scale[j];
            double[] h = new double[128];
            for (int k = 0; k < 128; k++) {
                double a = b1[k];
                for (int j = 0; j < 784; j++) a += x[j] * w1[j][k];
                h[k] = Math.max(0, a);
            }
            double[] z = new double[10];
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < 10; k++) {
                double a = b2[k];
                for (int j = 0; j < 128; j++) a += h[j] * w2[j][k];
                z[k] = a;
                max = Math.max(max, a);
            }
            double sum = 0;
            for (int k = 0; k < 10; k++) sum += Math.exp(z[k] - max);
            for (int k = 0; k < 10; k++) {
                double prob = Math.exp(z[k] - max) / sum;
                assertEquals(engine[i][k], prob, 1e-4, "sample " + i + " class " + k);
            }
            if (argmax(engine[i]) == argmax(z)) agree++;
        }
        assertEquals(N, agree);
    }

    @Test
    void numpy_forward_pass_from_the_npz_alone_matches_the_engine() throws Exception {
        String python = org.strata.engine.PythonTools.with("numpy", "python3-numpy");
        Path rawFile = dir.resolve("raw.csv");
        Path expected = dir.resolve("expected.csv");
        Files.writeString(rawFile, csv(raw));
        Files.writeString(expected, csv(engine));
        String script = String.join("\n",
                "import numpy as np, sys",
                "w = np.load(sys.argv[1])",
                "x = np.loadtxt(sys.argv[2], delimiter=',', dtype=np.float32)",
                "x = (x - w['input/shift']) * w['input/scale']",
                "h = np.maximum(0, x @ w['dense1/W'] + w['dense1/b'])",
                "z = h @ w['dense2/W'] + w['dense2/b']",
                "p = np.exp(z - z.max(axis=1, keepdims=True)); p /= p.sum(axis=1, keepdims=True)",
                "e = np.loadtxt(sys.argv[3], delimiter=',')",
                "assert (p.argmax(1) == e.argmax(1)).all(), 'predicted classes differ'",
                "print('max abs diff', float(np.abs(p - e).max()))",
                "assert np.abs(p - e).max() < 1e-4");
        Path py = dir.resolve("check.py");
        Files.writeString(py, script);
        Process proc = new ProcessBuilder(python, py.toString(), npz.toString(), rawFile.toString(),
                expected.toString()).redirectErrorStream(true).start();
        String output = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(proc.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, proc.exitValue(), output);
        assertTrue(output.contains("max abs diff"), output);
    }

    private static String csv(float[][] rows) {
        StringBuilder sb = new StringBuilder();
        for (float[] r : rows) {
            for (int j = 0; j < r.length; j++) sb.append(j == 0 ? "" : ",").append(r[j]);
            sb.append('\n');
        }
        return sb.toString();
    }

    private static int argmax(float[] v) {
        int b = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[b]) b = i;
        return b;
    }

    private static int argmax(double[] v) {
        int b = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[b]) b = i;
        return b;
    }
}
