package org.strata.engine.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.model.FloatArray;

/**
 * Between a trained model's plain arrays and an engine's: the one place a {@link FloatArray} becomes an
 * {@link INDArray} and back, where a network is built from a model or a model taken from a network.
 */
public final class ModelArrays {
    private ModelArrays() {
    }

    /** @return {@code a} as float32 values in C order, with its shape */
    public static FloatArray plain(INDArray a) {
        if (a.isEmpty()) return FloatArray.vector(new float[0]);
        INDArray f = a.castTo(DataType.FLOAT).dup('c');
        return new FloatArray(f.shape(), f.data().asFloat());
    }

    /** @return each array as plain values, in the map's order */
    public static Map<String, FloatArray> plain(Map<String, INDArray> arrays) {
        Map<String, FloatArray> out = new LinkedHashMap<>();
        arrays.forEach((k, v) -> out.put(k, plain(v)));
        return out;
    }

    /** @return {@code a} as a float32 INDArray of its shape (a new copy) */
    public static INDArray nd4j(FloatArray a) {
        if (a.size() == 0) return Nd4j.empty(DataType.FLOAT);
        return Nd4j.create(a.values().clone(), a.shape(), DataType.FLOAT);
    }

    /** @return each array as an INDArray, in the map's order */
    public static Map<String, INDArray> nd4j(Map<String, FloatArray> arrays) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        arrays.forEach((k, v) -> out.put(k, nd4j(v)));
        return out;
    }
}
