package org.strata.engine.train.fast;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
    private final INDArray[] slots;
    private final NativeOp update;
    private final NativeOp apply;
    /** Weight decay on weights (not biases): L2 added to the gradient, or AdamW's decoupled decay added to the update. */
    private final java.util.List<NativeOp> decay = new java.util.ArrayList<>();
    private final boolean decoupled;
    private final double weightDecay;
    private final double momentum;
    private double lr;

    /**
     * @param weights pairs of {weight view, its gradient view}: the arrays weight decay applies to
     */
    Optimizer(Params training, INDArray params, INDArray grads, java.util.List<INDArray[]> weights) {
        kind = training.getString("optimizer");
        weightDecay = training.getDouble("weightDecay");
        decoupled = kind.equals("adamw");
        lr = training.getDouble("learningRate");
        momentum = training.getDouble("momentum");
        int n = switch (kind) {
            case "sgd" -> 0;
            case "momentum", "rmsprop" -> 1;
            default -> 2;
        };
        // Separate arrays, not views of one: libnd4j's updaters run ~50 % slower on views (measured).
        slots = new INDArray[n];
        for (int i = 0; i < n; i++) slots[i] = Aligned.zeros(params.length());
        update = switch (kind) {
            case "sgd" -> NativeOp.of("sgd_updater").in(grads).out(grads).targs(lr).build();
            case "momentum" -> NativeOp.of("nesterovs_updater").in(grads, slots[0]).out(grads, slots[0])
                    .targs(lr, momentum).build();
            case "rmsprop" -> NativeOp.of("rms_prop_updater").in(grads, slots[0]).out(grads, slots[0])
                    .targs(lr, RMS_DECAY, EPSILON).build();
            default -> NativeOp.of("adam_updater").in(grads, slots[0], slots[1]).out(grads, slots[0], slots[1])
                    .targs(lr, BETA1, BETA2, EPSILON).iargs(0).build(); // adam, adamw
        };
        apply = NativeOp.of("subtract").in(params, grads).out(params).build();
        if (weightDecay > 0) {
            for (INDArray[] wg : weights) {
                // axpy: out = in0 + alpha·in1, so gradient += alpha·weight
                decay.add(NativeOp.of("axpy").in(wg[1], wg[0]).out(wg[1]).targs(decayFactor()).build());
            }
        }
    }

    /** L2 adds wd·w to the gradient; AdamW adds lr·wd·w to the update (Deeplearning4j's weightDecay, applyLR). */
    private double decayFactor() {
        return decoupled ? lr * weightDecay : weightDecay;
    }

    /** Replaces the gradient by the update and subtracts it from the parameters. */
    void step(long iteration) {
        if (!decoupled) runDecay();
        if (kind.equals("adam") || kind.equals("adamw")) update.setIArguments(iteration);
        update.run();
        if (decoupled) runDecay();
        apply.run();
    }

    private void runDecay() {
        for (int i = 0; i < decay.size(); i++) decay.get(i).run(); // indexed: no iterator per step
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
        if (decoupled) for (NativeOp op : decay) op.setTArguments(decayFactor());
    }

    /** @return a copy of the state, all slots one after the other (empty for plain SGD) */
    INDArray state() {
        if (slots.length == 0) return Nd4j.empty(DataType.FLOAT);
        INDArray out = Nd4j.create(DataType.FLOAT, slots.length * slots[0].length());
        for (int i = 0; i < slots.length; i++) {
            long n = slots[i].length();
            NativeOp.copy(slots[i], out.get(NDArrayIndex.interval(i * n, (i + 1) * n)));
        }
        return out;
    }

    /** Restores {@link #state()}; ignored if the length differs. */
    void setState(INDArray state) {
        if (slots.length == 0 || state.length() != slots.length * slots[0].length()) return;
        INDArray flat = state.reshape(state.length());
        for (int i = 0; i < slots.length; i++) {
            long n = slots[i].length();
            NativeOp.copy(flat.get(NDArrayIndex.interval(i * n, (i + 1) * n)), slots[i]);
        }
    }

    /** @return the optimizer's key ("sgd", "adam", …) */
    String kind() {
        return kind;
    }

    /** @return the learning rate the next step uses */
    double learningRate() {
        return lr;
    }
}
