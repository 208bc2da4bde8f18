package org.strata.engine.train.dl4j;

import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * LayerNorm for Deeplearning4j, which has no such layer: a SameDiff layer normalising the last axis of each sample
 * (features, or a channels-last pixel's channels), then scaling by γ and shifting by β, both kept as rows [1, F].
 * Kept in a model's configuration by class name, so it has a no-argument constructor and properties.
 */
public final class LayerNormDl4j extends SameDiffLayer {
    private long features;
    private double epsilon;

    /** For Deeplearning4j's JSON configuration. */
    public LayerNormDl4j() {
    }

    /**
     * @param features the size of the last axis
     * @param epsilon  added to the variance
     */
    public LayerNormDl4j(long features, double epsilon) {
        this.features = features;
        this.epsilon = epsilon;
    }

    public long getFeatures() {
        return features;
    }

    public void setFeatures(long features) {
        this.features = features;
    }

    public double getEpsilon() {
        return epsilon;
    }

    public void setEpsilon(double epsilon) {
        this.epsilon = epsilon;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable x, Map<String, SDVariable> params, SDVariable mask) {
        int last = x.getShape() == null ? -1 : x.getShape().length - 1;
        SDVariable centred = x.sub(x.mean(true, last));
        SDVariable variance = centred.mul(centred).mean(true, last);
        SDVariable normalised = centred.div(sd.math().sqrt(variance.add(epsilon)));
        // γ and β are rows [1, F]: they broadcast over the last axis of vectors, sequences and images alike
        return CatalogueSameDiffLayer.trueGradient(sd, normalised.mul(params.get("gamma")).add(params.get("beta")));
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        // biases to Deeplearning4j: no weight decay on them, as in Strata
        params.addBiasParam("gamma", 1, features);
        params.addBiasParam("beta", 1, features);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        params.get("gamma").assign(1);
        params.get("beta").assign(0);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return inputType;
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null; // images and sequences stay as they are: only their last axis is normalised
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        // the size comes from the graph's analysis
    }
}
