package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.strata.engine.params.Params;

/**
 * The optimizer over the flat gradient: one libnd4j updater op turns the gradient into the update in place, one
 * subtraction applies it. Its state lives in one flat array too.
 */
final class Optimizer {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;
    private static final double RMS_DECAY = 0.95;

    private final String kind;
    private final INDArray state;
    private final NativeOp update;
    private final NativeOp apply;
    private final double momentum;
    private double lr;

    Optimizer(Params training, INDArray params, INDArray grads) {
        kind = training.getString("optimizer");
        lr = training.getDouble("learningRate");
        momentum = training.getDouble("momentum");
        long p = params.length();
        int slots = switch (kind) {
            case "sgd" -> 0;
            case "momentum", "rmsprop" -> 1;
            default -> 2;
        };
        long stride = (p + 15) / 16 * 16; // keeps the second slot 64-byte aligned too
        state = Aligned.zeros(Math.max(1, slots * stride));
        INDArray s0 = slots > 0 ? state.get(NDArrayIndex.interval(0, p)) : null;
        INDArray s1 = slots > 1 ? state.get(NDArrayIndex.interval(stride, stride + p)) : null;
        update = switch (kind) {
            case "sgd" -> NativeOp.of("sgd_updater").in(grads).out(grads).targs(lr).build();
            case "momentum" -> NativeOp.of("nesterovs_updater").in(grads, s0).out(grads, s0).targs(lr, momentum)
                    .build();
            case "rmsprop" -> NativeOp.of("rms_prop_updater").in(grads, s0).out(grads, s0)
                    .targs(lr, RMS_DECAY, EPSILON).build();
            default -> NativeOp.of("adam_updater").in(grads, s0, s1).out(grads, s0, s1)
                    .targs(lr, BETA1, BETA2, EPSILON).iargs(0).build(); // adam, adamw
        };
        apply = NativeOp.of("subtract").in(params, grads).out(params).build();
    }

    /** Replaces the gradient by the update and subtracts it from the parameters. */
    void step(long iteration) {
        if (kind.equals("adam") || kind.equals("adamw")) update.setIArguments(iteration);
        update.run();
        apply.run();
    }

    void setLearningRate(double lr) {
        if (lr == this.lr) return;
        this.lr = lr;
        switch (kind) {
            case "sgd" -> update.setTArguments(lr);
            case "momentum" -> update.setTArguments(lr, momentum);
            case "rmsprop" -> update.setTArguments(lr, RMS_DECAY, EPSILON);
            default -> update.setTArguments(lr, BETA1, BETA2, EPSILON);
        }
    }

    /** @return the live state array */
    INDArray state() {
        return state;
    }
}
