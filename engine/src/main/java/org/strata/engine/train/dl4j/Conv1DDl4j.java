package org.strata.engine.train.dl4j;

import java.util.Map;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * Conv1D for Deeplearning4j: its Convolution1DLayer fails computing gradients on sequences kept as [batch, T, C]
 * (conv1d_bp, 1.0.0-M2.1), so this SameDiff layer convolves the sequence as a channels-last image [batch, 1, T, C]
 * with W [k, C, filters] seen as [1, k, C, filters], as the fast engine does. Kept in a model's configuration by
 * class name, so it has a no-argument constructor and properties.
 */
public final class Conv1DDl4j extends CatalogueSameDiffLayer {
    private long channels;
    private long filters;
    private int kernel;
    private int stride;
    private int dilation = 1;
    private boolean same;
    private int steps;
    private int outSteps;
    private boolean bias;
    private String activation = "IDENTITY";

    /** For Deeplearning4j's JSON configuration. */
    public Conv1DDl4j() {
    }

    public Conv1DDl4j(long channels, long filters, int kernel, int stride, int dilation, boolean same, int steps,
                      int outSteps, boolean bias, String activation, String init) {
        this.dilation = dilation;
        this.channels = channels;
        this.filters = filters;
        this.kernel = kernel;
        this.stride = stride;
        this.same = same;
        this.steps = steps;
        this.outSteps = outSteps;
        this.bias = bias;
        this.activation = activation;
        setInit(init);
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable x, Map<String, SDVariable> params, SDVariable mask) {
        // libnd4j's oneDNN conv2d refuses dilation (1.0.0-M2.1): a dilated filter is run as the undilated filter
        // of its whole span, with zeros between the taps (exact, and its gradient flows back to the taps)
        int span = (kernel - 1) * dilation + 1;
        Conv2DConfig config = Conv2DConfig.builder().kH(1).kW(span).sH(1).sW(stride).dH(1).dW(1)
                .paddingMode(same ? PaddingMode.SAME : PaddingMode.VALID).dataFormat("NHWC")
                .weightsFormat(WeightsFormat.YXIO).build();
        SDVariable image = x.reshape(-1, 1, steps, channels);
        SDVariable w = params.get("W");
        if (dilation > 1) {
            float[] spread = new float[span * kernel];
            for (int u = 0; u < kernel; u++) spread[u * dilation * kernel + u] = 1;
            w = sd.constant(org.nd4j.linalg.factory.Nd4j.create(spread, span, kernel))
                    .mmul(w.reshape(kernel, channels * filters));
        }
        w = w.reshape(1, span, channels, filters);
        SDVariable z = bias ? sd.cnn().conv2d(image, w, params.get("b").reshape(filters), config)
                : sd.cnn().conv2d(image, w, config);
        SDVariable y = Dl4jFunctions.sameDiff(activation, sd, z.reshape(-1, outSteps, filters));
        return trueGradient(sd, y);
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.addWeightParam("W", kernel, channels, filters);
        if (bias) params.addBiasParam("b", 1, filters);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        draw(params.get("W"), (long) kernel * channels, (long) kernel * filters);
        if (bias) params.get("b").assign(0);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.recurrent(filters, outSteps, RNNFormat.NWC);
    }

    public long getChannels() {
        return channels;
    }

    public void setChannels(long channels) {
        this.channels = channels;
    }

    public long getFilters() {
        return filters;
    }

    public void setFilters(long filters) {
        this.filters = filters;
    }

    public int getKernel() {
        return kernel;
    }

    public void setKernel(int kernel) {
        this.kernel = kernel;
    }

    public int getStride() {
        return stride;
    }

    public void setStride(int stride) {
        this.stride = stride;
    }

    public int getDilation() {
        return dilation;
    }

    public void setDilation(int dilation) {
        this.dilation = dilation;
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

    public boolean isBias() {
        return bias;
    }

    public void setBias(boolean bias) {
        this.bias = bias;
    }

    public String getActivation() {
        return activation;
    }

    public void setActivation(String activation) {
        this.activation = activation;
    }
}
