package org.strata.engine.train.dl4j;

import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLambdaLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/**
 * MaxPool1D and AvgPool1D for Deeplearning4j, whose Subsampling1DLayer takes sequences only as [batch, C, T]: the
 * sequence [batch, T, C] pooled as a channels-last image [batch, 1, T, C], as the fast engine does. Kept in a model's
 * configuration by class name, so it has a no-argument constructor and properties.
 */
public final class Pool1DDl4j extends SameDiffLambdaLayer {
    private boolean max;
    private int pool;
    private int stride;
    private boolean same;
    private int steps;
    private int outSteps;
    private int channels;

    /** For Deeplearning4j's JSON configuration. */
    public Pool1DDl4j() {
    }

    public Pool1DDl4j(boolean max, int pool, int stride, boolean same, int steps, int outSteps, int channels) {
        this.max = max;
        this.pool = pool;
        this.stride = stride;
        this.same = same;
        this.steps = steps;
        this.outSteps = outSteps;
        this.channels = channels;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable x) {
        Pooling2DConfig config = Pooling2DConfig.builder().kH(1).kW(pool).sH(1).sW(stride).dH(1).dW(1)
                .paddingMode(same ? PaddingMode.SAME : PaddingMode.VALID).isNHWC(true)
                .divisor(Pooling2D.Divisor.EXCLUDE_PADDING).build();
        SDVariable image = x.reshape(-1, 1, steps, channels);
        SDVariable pooled = max ? sd.cnn().maxPooling2d(image, config) : sd.cnn().avgPooling2d(image, config);
        return CatalogueSameDiffLayer.trueGradient(sd, pooled.reshape(-1, outSteps, channels));
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.recurrent(channels, outSteps, RNNFormat.NWC);
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null; // the sequence stays [batch, T, C]
    }

    public boolean isMax() {
        return max;
    }

    public void setMax(boolean max) {
        this.max = max;
    }

    public int getPool() {
        return pool;
    }

    public void setPool(int pool) {
        this.pool = pool;
    }

    public int getStride() {
        return stride;
    }

    public void setStride(int stride) {
        this.stride = stride;
    }

    public boolean isSame() {
        return same;
    }

    public void setSame(boolean same) {
        this.same = same;
    }

    public int getSteps() {
        return steps;
    }

    public void setSteps(int steps) {
        this.steps = steps;
    }

    public int getOutSteps() {
        return outSteps;
    }

    public void setOutSteps(int outSteps) {
        this.outSteps = outSteps;
    }

    public int getChannels() {
        return channels;
    }

    public void setChannels(int channels) {
        this.channels = channels;
    }
}
