package org.strata.engine.train.dl4j;

import java.util.Map;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * GlobalAvgPool or GlobalMaxPool over the real steps of a padded sequence [batch, T, F] with its mask [batch, T]: the
 * mean of the real steps, or their maximum (padding pushed 1e9 below). Deeplearning4j's own global pooling takes masks
 * for sequences laid out [batch, F, T] only. Kept in a model's configuration by class name.
 */
public final class PaddedPoolDl4j extends SameDiffLayer {
    private boolean max;
    private int steps;
    private long features;

    /** For Deeplearning4j's JSON configuration. */
    public PaddedPoolDl4j() {
    }

    /** @param max the largest value, else the mean */
    public PaddedPoolDl4j(boolean max, int steps, long features) {
        this.max = max;
        this.steps = steps;
        this.features = features;
    }

    public boolean isMax() {
        return max;
    }

    public void setMax(boolean max) {
        this.max = max;
    }

    public int getSteps() {
        return steps;
    }

    public void setSteps(int steps) {
        this.steps = steps;
    }

    public long getFeatures() {
        return features;
    }

    public void setFeatures(long features) {
        this.features = features;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable x, Map<String, SDVariable> params, SDVariable mask) {
        SDVariable m = mask.reshape(-1, steps, 1);
        SDVariable y = max ? x.add(m.sub(1.0).mul(1e9)).max(1) : x.mul(m).sum(1).div(mask.sum(true, 1));
        return CatalogueSameDiffLayer.trueGradient(sd, y);
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState,
                                                         int minibatchSize) {
        return new Pair<>(null, null); // a vector per sample: no steps left to mask
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        // none
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        // none
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(features);
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null; // the sequence stays [batch, T, F]
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        // the sizes come from the graph's analysis
    }
}
