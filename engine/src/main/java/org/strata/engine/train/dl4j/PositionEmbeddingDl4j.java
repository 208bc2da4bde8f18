package org.strata.engine.train.dl4j;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * PositionEmbedding for Deeplearning4j, which has no such layer: the learned table P [T, F] added to sequences kept
 * as [batch, T, F]. Kept in a model's configuration by class name, so it has a no-argument constructor and
 * properties.
 */
public final class PositionEmbeddingDl4j extends CatalogueSameDiffLayer {
    private long steps;
    private long features;

    /** For Deeplearning4j's JSON configuration. */
    public PositionEmbeddingDl4j() {
    }

    public PositionEmbeddingDl4j(long steps, long features, String init) {
        this.steps = steps;
        this.features = features;
        setInit(init);
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable x, Map<String, SDVariable> params, SDVariable mask) {
        return trueGradient(sd, x.add(params.get("P")));
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.addWeightParam("P", steps, features);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        draw(params.get("P"), steps, features);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return inputType;
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
}
