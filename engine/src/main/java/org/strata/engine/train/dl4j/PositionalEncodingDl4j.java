package org.strata.engine.train.dl4j;

import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLambdaLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.layers.PositionalEncodingLayer;

/**
 * PositionalEncoding for Deeplearning4j, which has no such layer: the fixed table added to sequences kept as
 * [batch, T, F]. Kept in a model's configuration by class name, so it has a no-argument constructor and properties.
 */
public final class PositionalEncodingDl4j extends SameDiffLambdaLayer {
    private int steps;
    private int features;

    /** For Deeplearning4j's JSON configuration. */
    public PositionalEncodingDl4j() {
    }

    public PositionalEncodingDl4j(int steps, int features) {
        this.steps = steps;
        this.features = features;
    }

    public int getSteps() {
        return steps;
    }

    public void setSteps(int steps) {
        this.steps = steps;
    }

    public int getFeatures() {
        return features;
    }

    public void setFeatures(int features) {
        this.features = features;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable x) {
        SDVariable table = sd.constant(Nd4j.create(PositionalEncodingLayer.table(steps, features), 1, steps,
                features));
        return CatalogueSameDiffLayer.trueGradient(sd, x.add(table));
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return inputType;
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null; // the sequence stays [batch, T, F]
    }
}
