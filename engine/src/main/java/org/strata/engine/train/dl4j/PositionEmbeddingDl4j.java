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
 * PositionEmbedding for Deeplearning4j, which has no such layer: the learned table P [T, F] added to sequences kept
 * as [batch, T, F]. Kept in a model's configuration by class name, so it has a no-argument constructor and
 * properties.
 */
public final class PositionEmbeddingDl4j extends SameDiffLayer {
    private long steps;
    private long features;
    private String init = "xavier";

    /** For Deeplearning4j's JSON configuration. */
    public PositionEmbeddingDl4j() {
    }

    public PositionEmbeddingDl4j(long steps, long features, String init) {
        this.steps = steps;
        this.features = features;
        this.init = init;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable x, Map<String, SDVariable> params, SDVariable mask) {
        return LayerNormDl4j.trueGradient(sd, x.add(params.get("P")));
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.addWeightParam("P", steps, features);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        Dl4jFunctions.init(org.strata.engine.layers.WeightInit.valueOf(init.toUpperCase(java.util.Locale.ROOT)))
                .getWeightInitFunction().init(steps, features, params.get("P").shape(), 'c', params.get("P"));
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return inputType;
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null; // the sequence stays [batch, T, F]
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        // the size comes from the graph's analysis
    }

    public long getSteps() {
        return steps;
    }

    public void setSteps(long steps) {
        this.steps = steps;
    }

    public long getFeatures() {
        return features;
    }

    public void setFeatures(long features) {
        this.features = features;
    }

    public String getInit() {
        return init;
    }

    public void setInit(String init) {
        this.init = init;
    }
}
