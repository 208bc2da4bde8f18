package org.strata.engine.train.dl4j;

import java.util.Collection;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.TimeDistributed;
import org.deeplearning4j.nn.layers.recurrent.TimeDistributedLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A layer applied to every step of a sequence [batch, T, F] (a Dense on a sequence), as Deeplearning4j's
 * TimeDistributed, but passing a padding mask on untouched instead of handing it to the layer: TimeDistributed lays
 * the steps out sample by sample and the mask step by step (1.0.0-M2.1), so the layer zeroed real steps. As in
 * Strata's engine, the layer computes every step and the layers after it skip the padding.
 */
public final class PerStepDl4j extends TimeDistributed {
    /** @param underlying the layer for one step */
    public PerStepDl4j(@JsonProperty("underlying") Layer underlying) {
        super(underlying, RNNFormat.NWC);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> listeners, int layerIndex,
                                                       INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        TimeDistributedLayer plain = (TimeDistributedLayer) super.instantiate(conf, listeners, layerIndex,
                layerParamsView, initializeParams, networkDataType);
        return new MaskPassing(plain.getUnderlying());
    }

    /** TimeDistributed's runtime layer, keeping the mask from the layer it wraps. */
    private static final class MaskPassing extends TimeDistributedLayer {
        MaskPassing(org.deeplearning4j.nn.api.Layer underlying) {
            super(underlying, RNNFormat.NWC);
        }

        @Override
        public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState,
                                                             int minibatchSize) {
            return new Pair<>(maskArray, currentMaskState); // the same steps stay padding
        }

        @Override
        public void setMaskArray(INDArray maskArray) {
            // the step layer reads no mask
        }
    }
}
