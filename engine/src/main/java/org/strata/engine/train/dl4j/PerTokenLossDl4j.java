package org.strata.engine.train.dl4j;

import java.util.Collection;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.RnnLossLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.util.TimeSeriesUtils;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Output of a class at every step ({@code [batch, T, K]}, steps last as every Strata sequence in
 * Deeplearning4j): an {@code RnnLossLayer} with {@link PerTokenLoss}, whose score reads the labels. In 1.0.0-M2.1
 * that layer's {@code computeScore} in the NWC layout permutes the input where it means the labels, so the loss it
 * reported compared the input with itself; its gradient was right. Kept in a model's configuration by class name.
 */
public final class PerTokenLossDl4j extends RnnLossLayer {
    private static final long serialVersionUID = 1L;

    /** For Deeplearning4j's JSON configuration. */
    public PerTokenLossDl4j() {
        setRnnDataFormat(RNNFormat.NWC);
    }

    /**
     * @param steps      T, positions per sample
     * @param activation the squashing applied before the loss (softmax, or none when the layer before applied it)
     */
    public PerTokenLossDl4j(int steps, IActivation activation) {
        this();
        setLossFn(new PerTokenLoss(steps));
        setActivationFn(activation);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> listeners, int layerIndex,
                                                       INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        Scored layer = new Scored(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(initializer().init(conf, layerParamsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    /** The runtime layer, its score computed from the labels. */
    private static final class Scored extends org.deeplearning4j.nn.layers.recurrent.RnnLossLayer {
        Scored(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        public double computeScore(double fullNetRegTerm, boolean training, LayerWorkspaceMgr mgr) {
            // [batch, T, K] → [batch, K, T] → one row per step, as backpropGradient lays them out
            INDArray in = TimeSeriesUtils.reshape3dTo2d(input.permute(0, 2, 1), mgr, ArrayType.FF_WORKING_MEM);
            INDArray y = TimeSeriesUtils.reshape3dTo2d(labels.permute(0, 2, 1), mgr, ArrayType.FF_WORKING_MEM);
            double s = layerConf().getLossFn().computeScore(y, in.dup(), layerConf().getActivationFn(), null, false);
            score = s / getInputMiniBatchSize() + fullNetRegTerm;
            return score;
        }
    }
}
