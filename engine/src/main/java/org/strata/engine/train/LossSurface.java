package org.strata.engine.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.backend.NetworkBackend;
import org.strata.engine.data.Split;

/**
 * The loss over a grid of values of two weights, every other weight held as it is: the landscape an optimizer walks
 * on, computed by the network's own engine on the training data (for a network of two weights, such as y = w·x + b,
 * the whole of it).
 */
public final class LossSurface {
    /** Training samples the loss is taken over at most: a smooth surface, and a grid that takes a moment. */
    static final int SAMPLES = 512;

    private LossSurface() {
    }

    /**
     * One axis of the grid.
     *
     * @param weight the weight's export name, {@code node/param} ("linear/W")
     * @param index  the value's position in it, row-major
     * @param from   the first value
     * @param to     the last value
     */
    public record Axis(String weight, int index, double from, double to) {
        /** @return the value at grid position {@code i} of {@code steps} */
        public double at(int i, int steps) {
            return from + (to - from) * i / (steps - 1);
        }
    }

    /**
     * The losses: {@code loss[j][i]} with x at {@code x.at(i)} and y at {@code y.at(j)}.
     *
     * @param steps grid points along each axis
     */
    public record Grid(Axis x, Axis y, int steps, double[][] loss) {
        /** @return the smallest loss on the grid */
        public double min() {
            double m = Double.POSITIVE_INFINITY;
            for (double[] row : loss) for (double v : row) m = Math.min(m, v);
            return m;
        }

        /** @return the largest finite loss on the grid */
        public double max() {
            double m = Double.NEGATIVE_INFINITY;
            for (double[] row : loss) for (double v : row) if (Double.isFinite(v)) m = Math.max(m, v);
            return m;
        }
    }

    /** Computes the grid; the network's weights are as before afterwards. */
    static Grid compute(NetworkBackend net, Evaluator evaluator, Split split, Axis x, Axis y, int steps) {
        Map<String, INDArray> saved = net.exportParameters();
        Map<String, INDArray> work = new LinkedHashMap<>();
        saved.forEach((k, v) -> work.put(k, v.dup()));
        INDArray wx = require(work, x.weight());
        INDArray wy = require(work, y.weight());
        try {
            double[][] loss = new double[steps][steps];
            for (int j = 0; j < steps; j++) {
                for (int i = 0; i < steps; i++) {
                    wx.putScalar(x.index(), x.at(i, steps));
                    wy.putScalar(y.index(), y.at(j, steps));
                    net.importParameters(work);
                    loss[j][i] = evaluator.evaluate(split, SAMPLES).loss();
                }
            }
            return new Grid(x, y, steps, loss);
        } finally {
            net.importParameters(saved);
        }
    }

    private static INDArray require(Map<String, INDArray> weights, String name) {
        INDArray a = weights.get(name);
        if (a == null) throw new IllegalArgumentException("the network has no weight " + name);
        return a;
    }
}
