package org.strata.engine.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every layer type Strata offers, in palette order. The one list to extend when adding a type. */
public final class LayerCatalogue {
    private static final Map<String, LayerType> TYPES = new LinkedHashMap<>();

    static {
        for (LayerType t : List.of(new InputLayer(), new OutputLayerType(), new DenseLayer(),
                new ActivationLayerType(), new Conv2DLayer(), new DepthwiseConv2DLayer(), new ConvTranspose2DLayer(),
                Pool2DLayer.max(), Pool2DLayer.avg(), new Conv1DLayer(),
                Pool1DLayer.max(), Pool1DLayer.avg(),
                GlobalPoolLayer.avg(), GlobalPoolLayer.max(), new FlattenLayer(), new ReshapeLayer(), new DropoutLayer(),
                new BatchNormLayer(), new LayerNormLayer(), MergeLayer.add(), MergeLayer.subtract(), MergeLayer.multiply(),
                MergeLayer.concatenate(), new ZeroPaddingLayer(), new UpSamplingLayer(), new LstmLayer(), new GruLayer(),
                new SimpleRnnLayer(), new MultiHeadAttentionLayer(), new PositionalEncodingLayer(), new PositionEmbeddingLayer(),
                new EmbeddingLayer())) {
            TYPES.put(t.id(), t);
        }
    }

    private LayerCatalogue() {
    }

    /** @return every type, in palette order */
    public static List<LayerType> all() {
        return List.copyOf(TYPES.values());
    }

    /** @return the type with that id ("Conv2D") */
    public static Optional<LayerType> find(String id) {
        return Optional.ofNullable(TYPES.get(id));
    }

    /** @return the type with that id, or an exception listing the known ones */
    public static LayerType get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown layer type '" + id + "'; known types: " + String.join(", ", TYPES.keySet())));
    }
}
