package org.strata.engine.train.dl4j;

import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;

/**
 * ConvTranspose2D for Deeplearning4j: its Deconvolution2D computes right on channels-last images but, saved and
 * loaded again, forgets that they are channels-last (1.0.0-M2.1, found by the .zip export's proof). This SameDiff
 * layer runs libnd4j's deconv2d on [batch, H, W, C] with W [kH, kW, filters, inChannels], as the fast engine does.
 * Kept in a model's configuration by class name, so it has a no-argument constructor and properties.
 */
public final class ConvTranspose2DDl4j extends CatalogueSameDiffLayer {
    private long channels;
    private long filters;
    private int[] kernel = {1, 1};
    private int[] stride = {1, 1};
    private boolean same;
    private int outHeight;
    private int outWidth;
    private boolean bias;
    private String activation = "IDENTITY";

    /** For Deeplearning4j's JSON configuration. */
    public ConvTranspose2DDl4j() {
    }

    public ConvTranspose2DDl4j(long channels, long filters, int[] kernel, int[] stride, boolean same, int outHeight,
                               int outWidth, boolean bias, String activation, String init) {
        this.channels = channels;
        this.filters = filters;
        this.kernel = kernel.clone();
        this.stride = stride.clone();
        this.same = same;
        this.outHeight = outHeight;
        this.outWidth = outWidth;
        this.bias = bias;
        this.activation = activation;
        setInit(init);
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable x, Map<String, SDVariable> params, SDVariable mask) {
        DeConv2DConfig config = DeConv2DConfig.builder().kH(kernel[0]).kW(kernel[1]).sH(stride[0]).sW(stride[1])
                .dH(1).dW(1).isSameMode(same).dataFormat("NHWC").build();
        SDVariable z = bias ? sd.cnn().deconv2d(x, params.get("W"), params.get("b").reshape(filters), config)
                : sd.cnn().deconv2d(x, params.get("W"), config);
        return trueGradient(sd, Dl4jFunctions.sameDiff(activation, sd, z));
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.addWeightParam("W", kernel[0], kernel[1], filters, channels);
        if (bias) params.addBiasParam("b", 1, filters);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        long taps = (long) kernel[0] * kernel[1];
        draw(params.get("W"), taps * channels, taps * filters);
        if (bias) params.get("b").assign(0);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.convolutional(outHeight, outWidth, filters, CNN2DFormat.NHWC);
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

    public int[] getKernel() {
        return kernel.clone();
    }

    public void setKernel(int[] kernel) {
        this.kernel = kernel.clone();
    }

    public int[] getStride() {
        return stride.clone();
    }

    public void setStride(int[] stride) {
        this.stride = stride.clone();
    }

    public boolean isSame() {
        return same;
    }

    public void setSame(boolean same) {
        this.same = same;
    }

    public int getOutHeight() {
        return outHeight;
    }

    public void setOutHeight(int outHeight) {
        this.outHeight = outHeight;
    }

    public int getOutWidth() {
        return outWidth;
    }

    public void setOutWidth(int outWidth) {
        this.outWidth = outWidth;
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
