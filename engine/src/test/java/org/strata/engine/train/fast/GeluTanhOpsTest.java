package org.strata.engine.train.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.PreciseGELU;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.layers.ActivationFn;
import org.strata.engine.train.dl4j.GeluTanhActivation;

/**
 * GELU's tanh form is computed as defined by both engines, over a range wide enough for the cubic term to matter,
 * and not by libnd4j's PreciseGELU, which is another function.
 */
class GeluTanhOpsTest {
    private static final float[] XS = {-4, -3, -2, -1.5f, -1, -0.5f, -0.1f, 0, 0.1f, 0.5f, 1, 1.5f, 2, 3, 4};

    @Test
    void fast_engine_ops_give_the_formula_and_its_slope() {
        INDArray x = Nd4j.createFromArray(XS);
        INDArray y = Nd4j.createUninitialized(x.dataType(), x.shape());
        INDArray dy = Nd4j.createFromArray(XS).muli(0).addi(2); // dL/dy = 2 everywhere
        INDArray dx = Nd4j.createUninitialized(x.dataType(), x.shape());
        for (NativeOp op : Activations.geluTanhForward(x, y, x.like())) op.run();
        for (NativeOp op : Activations.geluTanhBackward(x, dy, dx, x.like(), x.like())) op.run();
        for (int i = 0; i < XS.length; i++) {
            double f = ActivationFn.GELU_TANH.apply(XS[i]);
            assertEquals(f, y.getDouble(i), 2e-6, "f(" + XS[i] + ")");
            assertEquals(2 * ActivationFn.GELU_TANH.derivative(XS[i], f), dx.getDouble(i), 2e-6, "2·f′(" + XS[i] + ")");
        }
    }

    @Test
    void deeplearning4j_activation_gives_the_formula_and_its_slope() {
        GeluTanhActivation act = new GeluTanhActivation();
        INDArray y = act.getActivation(Nd4j.createFromArray(XS), false);
        Pair<INDArray, INDArray> back = act.backprop(Nd4j.createFromArray(XS), Nd4j.createFromArray(XS).muli(0).addi(2));
        for (int i = 0; i < XS.length; i++) {
            double f = ActivationFn.GELU_TANH.apply(XS[i]);
            assertEquals(f, y.getDouble(i), 2e-6, "f(" + XS[i] + ")");
            assertEquals(2 * ActivationFn.GELU_TANH.derivative(XS[i], f), back.getFirst().getDouble(i), 2e-6,
                    "2·f′(" + XS[i] + ")");
        }
    }

    /** Why the engines compose it: if a later ND4J fixes PreciseGELU, this fails and the ops may use it. */
    @Test
    void libnd4js_precise_gelu_is_not_the_tanh_form() {
        INDArray x = Nd4j.createFromArray(1f, 2f);
        INDArray precise = Nd4j.getExecutioner().exec(new PreciseGELU(x.dup()));
        assertTrue(Math.abs(precise.getDouble(0) - ActivationFn.GELU_TANH.apply(1)) > 5e-3,
                "PreciseGELU(1) = " + precise.getDouble(0));
    }
}
