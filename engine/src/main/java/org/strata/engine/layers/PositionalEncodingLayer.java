package org.strata.engine.layers;

import java.util.List;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/**
 * PositionalEncoding: adds to each step of a sequence a fixed pattern of sines and cosines that says where the step
 * is, so that layers which look at all steps at once (attention, pooling) can tell the order apart.
 */
public final class PositionalEncodingLayer extends LayerType {
    public PositionalEncodingLayer() {
        super("PositionalEncoding", Category.SEQUENCE, "Adds each step's position as sines and cosines",
                "y[t, 2i] = x[t, 2i] + sin(t / 10000^(2i/F)), y[t, 2i+1] = x[t, 2i+1] + cos(t / 10000^(2i/F)) "
                        + "(Vaswani et al.); nothing is learned.",
                ParamTable.of());
    }

    @Override
    public String outputRule() {
        return "same as the input";
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        return single(in, TensorShape.Kind.SEQUENCE, "it adds positions to the steps of a sequence: put it after an "
                + "Embedding, or set the Input's kind to sequence");
    }

    @Override
    public long flops(List<TensorShape> in, TensorShape out, Params p) {
        return out.size();
    }

    /** @return the encoding for {@code steps} × {@code features}, row-major: step by step, feature by feature */
    public static float[] table(int steps, int features) {
        float[] pe = new float[steps * features];
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < features; j++) {
                double angle = t / Math.pow(10000.0, (double) (j - j % 2) / features);
                pe[t * features + j] = (float) (j % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return pe;
    }

    @Override
    public boolean keepsSteps(Params p) {
        return true;
    }
}
