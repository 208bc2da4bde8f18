package org.strata.engine.train.fast;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.strata.engine.layers.LayerType;
import org.strata.engine.layers.MergeLayer;

/**
 * Which kernel runs each layer type of the catalogue in the fast engine, looked up by the type's id, and which types
 * it declines (their graphs train through Deeplearning4j). A catalogue type in neither list fails
 * {@code BackendMappingTest}.
 */
public final class Kernels {
    private static final Map<String, Supplier<Kernel>> BY_TYPE = Map.ofEntries(
            Map.entry("Input", ViewKernel::new),
            Map.entry("Output", LossKernel::new),
            Map.entry("Dense", DenseKernel::new),
            Map.entry("Activation", ActivationKernel::new),
            Map.entry("Conv2D", Conv2DKernel::new),
            Map.entry("MaxPool2D", () -> new Pool2DKernel(true)),
            Map.entry("AvgPool2D", () -> new Pool2DKernel(false)),
            Map.entry("Conv1D", ConvolutionOpKernel::conv1d),
            Map.entry("DepthwiseConv2D", ConvolutionOpKernel::depthwise),
            Map.entry("ConvTranspose2D", ConvolutionOpKernel::transposed),
            Map.entry("MaxPool1D", () -> new Pool1DKernel(true)),
            Map.entry("AvgPool1D", () -> new Pool1DKernel(false)),
            Map.entry("GlobalAvgPool", () -> new GlobalPoolKernel(false)),
            Map.entry("GlobalMaxPool", () -> new GlobalPoolKernel(true)),
            Map.entry("Flatten", ViewKernel::new),
            // Row-major, channels-last data makes a reshape a view: no op at all.
            Map.entry("Reshape", ViewKernel::new),
            Map.entry("Dropout", DropoutKernel::new),
            Map.entry("BatchNorm", BatchNormKernel::new),
            Map.entry("Add", () -> new MergeKernel(MergeLayer.Op.ADD)),
            Map.entry("Subtract", () -> new MergeKernel(MergeLayer.Op.SUBTRACT)),
            Map.entry("Multiply", () -> new MergeKernel(MergeLayer.Op.MULTIPLY)),
            Map.entry("Concatenate", () -> new MergeKernel(MergeLayer.Op.CONCATENATE)),
            Map.entry("ZeroPadding2D", PaddingKernel::new),
            Map.entry("LayerNorm", LayerNormKernel::new),
            Map.entry("UpSampling2D", UpSamplingKernel::new),
            Map.entry("Embedding", EmbeddingKernel::new),
            Map.entry("PositionalEncoding", PositionalEncodingKernel::new),
            Map.entry("PositionEmbedding", PositionEmbeddingKernel::new),
            Map.entry("LSTM", () -> new RecurrentLayerKernel(LstmKernel::new)),
            Map.entry("GRU", () -> new RecurrentLayerKernel(GruKernel::new)),
            Map.entry("SimpleRNN", () -> new RecurrentLayerKernel(SimpleRnnKernel::new)),
            Map.entry("MultiHeadAttention", MultiHeadAttentionKernel::new));

    /** The types the fast engine declines, each with the reason given in the docs. */
    private static final Map<String, String> DECLINED = Map.of();

    private Kernels() {
    }

    /** @return every type id this class names, run or declined (a test checks each is in the catalogue) */
    public static java.util.Set<String> typeIds() {
        java.util.Set<String> ids = new java.util.TreeSet<>(BY_TYPE.keySet());
        ids.addAll(DECLINED.keySet());
        return ids;
    }

    /** @return whether the fast engine has a kernel for the type with this id */
    public static boolean runs(String typeId) {
        return BY_TYPE.containsKey(typeId);
    }

    /** @return why the fast engine declines the type with this id, if it does */
    public static Optional<String> declined(String typeId) {
        return Optional.ofNullable(DECLINED.get(typeId));
    }

    /** @return a new kernel for a node of {@code type}; the type must be one the fast engine {@link #runs} */
    static Kernel create(LayerType type) {
        Supplier<Kernel> k = BY_TYPE.get(type.id());
        if (k == null) throw new IllegalStateException("the fast engine has no kernel for " + type.id());
        return k.get();
    }
}
