package org.strata.engine.train.dl4j;

import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What Strata's SameDiff layers with weights share (layer types Deeplearning4j lacks or gets wrong): weights drawn by
 * the node's initialiser, data left in Strata's layout ([batch, T, F] sequences, channels-last images), sizes taken
 * from the graph's analysis. Kept in a model's configuration by class name: subclasses have a no-argument
 * constructor and properties, this class's initialiser among them.
 */
public abstract class CatalogueSameDiffLayer extends SameDiffLayer {
    private String init = "xavier";

    /** The catalogue's initialiser key ({@link org.strata.engine.layers.WeightInit}), e.g. "he_uniform". */
    public String getInit() {
        return init;
    }

    public void setInit(String init) {
        this.init = init;
    }

    /** Fills {@code param} as the node's initialiser draws an array of these fans. */
    protected void draw(INDArray param, long fanIn, long fanOut) {
        Dl4jFunctions.init(org.strata.engine.layers.WeightInit.valueOf(init.toUpperCase(java.util.Locale.ROOT)))
                .getWeightInitFunction().init(fanIn, fanOut, param.shape(), 'c', param);
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null; // sequences and images stay in Strata's layout
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        // the sizes come from the graph's analysis
    }

    /**
     * Deeplearning4j 1.0.0-M2.1 hands back a SameDiff layer's gradients (its parameters' and its input's) doubled,
     * measured against finite differences (FastGradientTest). Half of y carries the gradient and the other half is
     * held constant: the values are y's, the gradients the true ones. Every SameDiff layer of Strata's ends in it.
     *
     * @return y, whose gradients come out right from a SameDiff layer
     */
    static SDVariable trueGradient(SameDiff sd, SDVariable y) {
        SDVariable held = new org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient(sd, y).outputVariable();
        return y.mul(0.5).add(held.mul(0.5));
    }
}
