package org.strata.engine.train.fast;

import java.util.ArrayList;
import org.nd4j.linalg.factory.Nd4j;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Squared L2 norms of some views, each reduced by libnd4j into a scalar of its own (no host copy). */
final class SquaredNorms {
    private final List<NativeOp> ops = new ArrayList<>();
    private final List<INDArray> results = new ArrayList<>();

    SquaredNorms(java.util.Collection<INDArray> views) {
        for (INDArray v : views) {
            INDArray r = Nd4j.scalar(0f);
            ops.add(NativeOp.of("reduce_sqnorm").in(v).out(r).bargs(false).build());
            results.add(r);
        }
    }

    /** @return the sum of the views' squared norms, computed now */
    double total() {
        double sum = 0;
        for (int i = 0; i < ops.size(); i++) {
            ops.get(i).run();
            sum += results.get(i).getDouble(0);
        }
        return sum;
    }
}
