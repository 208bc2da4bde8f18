package org.strata.engine.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jetbrains.bio.npy.NpyArray;
import org.jetbrains.bio.npy.NpzEntry;
import org.jetbrains.bio.npy.NpzFile;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** NumPy {@code .npz} files of float32 arrays, loadable with {@code numpy.load}. */
public final class NpzIO {
    private NpzIO() {
    }

    /** Writes arrays as float32, C order, under their map keys. */
    public static void write(Path file, Map<String, INDArray> arrays) throws IOException {
        try (NpzFile.Writer w = NpzFile.write(file, true)) {
            for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
                INDArray a = e.getValue().castTo(DataType.FLOAT).dup('c');
                long[] shape = a.shape();
                int[] s = new int[shape.length];
                for (int i = 0; i < s.length; i++) s[i] = Math.toIntExact(shape[i]);
                w.write(e.getKey(), a.data().asFloat(), s);
            }
        }
    }

    /** Reads every array of an {@code .npz} file as float32. */
    public static Map<String, INDArray> read(Path file) throws IOException {
        Map<String, INDArray> out = new LinkedHashMap<>();
        try (NpzFile.Reader r = NpzFile.read(file)) {
            for (NpzEntry e : r.introspect()) {
                NpyArray a = r.get(e.getName(), 1 << 20);
                int[] shape = a.getShape();
                long[] ls = new long[shape.length];
                for (int i = 0; i < shape.length; i++) ls[i] = shape[i];
                float[] data = a.getData() instanceof double[] d ? toFloat(d) : a.asFloatArray();
                out.put(e.getName(), Nd4j.create(data, ls, DataType.FLOAT));
            }
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a readable .npz file: " + e.getMessage(), e);
        }
        return out;
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }
}
