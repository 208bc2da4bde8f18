package org.strata.engine.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.strata.engine.params.Params;

/** The shape rule, parameter count and FLOPs of every layer type in the catalogue. */
class ShapeRulesTest {
    private static final Set<String> COVERED = new HashSet<>();
    private static final TensorShape IMG = TensorShape.image(28, 28, 1);
    private static final TensorShape SEQ = TensorShape.sequence(20, 8);

    private static TensorShape out(String type, List<TensorShape> in, Object... kv) throws ShapeException {
        COVERED.add(type);
        LayerType t = LayerCatalogue.get(type);
        return t.outputShape(in, params(t, kv));
    }

    private static Params params(LayerType t, Object... kv) {
        Params p = t.params().defaults();
        for (int i = 0; i < kv.length; i += 2) p.set((String) kv[i], kv[i + 1]);
        return p;
    }

    private static long count(String type, List<TensorShape> in, Object... kv) {
        LayerType t = LayerCatalogue.get(type);
        return t.paramCount(in, params(t, kv));
    }

    @Test
    void input_gives_its_declared_shape() throws Exception {
        assertEquals(TensorShape.vector(784), out("Input", List.of(), "kind", "vector", "size", 784));
        assertEquals(IMG, out("Input", List.of(), "kind", "image"));
        assertEquals(SEQ, out("Input", List.of(), "kind", "sequence"));
    }

    @Test
    void dense_maps_a_vector_and_counts_weights_plus_bias() throws Exception {
        assertEquals(TensorShape.vector(128), out("Dense", List.of(TensorShape.vector(784))));
        assertEquals(100_480, count("Dense", List.of(TensorShape.vector(784))));
        assertEquals(100_352, count("Dense", List.of(TensorShape.vector(784)), "useBias", false));
        var e = assertThrows(ShapeException.class, () -> out("Dense", List.of(IMG)));
        assertTrue(e.getMessage().contains("add a Flatten"), e.getMessage());
    }

    @Test
    void conv2d_valid_same_and_stride() throws Exception {
        assertEquals(TensorShape.image(26, 26, 32), out("Conv2D", List.of(IMG)));
        assertEquals(TensorShape.image(28, 28, 32), out("Conv2D", List.of(IMG), "padding", "same"));
        assertEquals(TensorShape.image(14, 14, 8), out("Conv2D", List.of(IMG), "padding", "same", "stride",
                new int[]{2, 2}, "filters", 8));
        assertEquals(320, count("Conv2D", List.of(IMG)));
        assertEquals(18_496, count("Conv2D", List.of(TensorShape.image(13, 13, 32)), "filters", 64));
        var e = assertThrows(ShapeException.class, () -> out("Conv2D", List.of(TensorShape.image(3, 3, 1)),
                "kernel", new int[]{5, 5}));
        assertTrue(e.getMessage().contains("larger than its input"), e.getMessage());
    }

    @Test
    void pooling_halves_and_keeps_channels() throws Exception {
        assertEquals(TensorShape.image(13, 13, 32), out("MaxPool2D", List.of(TensorShape.image(26, 26, 32))));
        assertEquals(TensorShape.image(5, 5, 64), out("AvgPool2D", List.of(TensorShape.image(11, 11, 64))));
        assertEquals(TensorShape.image(6, 6, 64), out("AvgPool2D", List.of(TensorShape.image(11, 11, 64)),
                "padding", "same"));
        assertThrows(ShapeException.class, () -> out("MaxPool2D", List.of(TensorShape.vector(10))));
    }

    @Test
    void global_average_pool_keeps_one_value_per_channel() throws Exception {
        assertEquals(TensorShape.vector(32), out("GlobalAvgPool", List.of(TensorShape.image(7, 7, 32))));
        assertEquals(TensorShape.vector(8), out("GlobalAvgPool", List.of(SEQ)));
        assertThrows(ShapeException.class, () -> out("GlobalAvgPool", List.of(TensorShape.vector(8))));
        assertEquals(TensorShape.vector(32), out("GlobalMaxPool", List.of(TensorShape.image(7, 7, 32))));
        assertEquals(TensorShape.vector(8), out("GlobalMaxPool", List.of(SEQ)));
        ShapeException flat = assertThrows(ShapeException.class,
                () -> out("GlobalMaxPool", List.of(TensorShape.vector(8))));
        assertTrue(flat.getMessage().startsWith("GlobalMaxPool expects an image or a sequence"), flat.getMessage());
    }

    @Test
    void flatten_and_reshape_keep_the_number_of_values() throws Exception {
        assertEquals(TensorShape.vector(1600), out("Flatten", List.of(TensorShape.image(5, 5, 64))));
        assertEquals(TensorShape.vector(160), out("Flatten", List.of(SEQ)));
        assertThrows(ShapeException.class, () -> out("Flatten", List.of(TensorShape.vector(3))));
        assertEquals(IMG, out("Reshape", List.of(TensorShape.vector(784)), "kind", "image"));
        var e = assertThrows(ShapeException.class, () -> out("Reshape", List.of(TensorShape.vector(100)),
                "kind", "image"));
        assertTrue(e.getMessage().contains("784 values"), e.getMessage());
    }

    @Test
    void dropout_batchnorm_and_activation_keep_the_shape() throws Exception {
        assertEquals(IMG, out("Dropout", List.of(IMG)));
        assertEquals(IMG, out("Activation", List.of(IMG), "function", "tanh"));
        assertEquals(TensorShape.image(7, 7, 32), out("BatchNorm", List.of(TensorShape.image(7, 7, 32))));
        assertEquals(128, count("BatchNorm", List.of(TensorShape.image(7, 7, 32))));
        assertEquals(40, count("BatchNorm", List.of(TensorShape.vector(10))));
        assertEquals(SEQ, out("LayerNorm", List.of(SEQ)));
        assertEquals(SEQ, out("PositionalEncoding", List.of(SEQ)));
        assertEquals(0, count("PositionalEncoding", List.of(SEQ)), "nothing learned");
        assertEquals("shape.kind.PositionalEncoding", assertThrows(ShapeException.class,
                () -> out("PositionalEncoding", List.of(TensorShape.vector(8)))).code());
        assertEquals(16, count("LayerNorm", List.of(SEQ)), "γ and β over the 8 features");
    }

    @Test
    void add_needs_equal_shapes_and_concatenate_stacks_the_last_axis() throws Exception {
        assertEquals(TensorShape.vector(64), out("Add", List.of(TensorShape.vector(64), TensorShape.vector(64))));
        var e = assertThrows(ShapeException.class, () -> out("Add",
                List.of(TensorShape.vector(128), TensorShape.vector(64))));
        assertTrue(e.getMessage().contains("in1 is 128 and in2 is 64"), e.getMessage());
        assertEquals(TensorShape.vector(96), out("Concatenate",
                List.of(TensorShape.vector(64), TensorShape.vector(32))));
        assertEquals(TensorShape.image(7, 7, 48), out("Concatenate",
                List.of(TensorShape.image(7, 7, 16), TensorShape.image(7, 7, 32))));
        assertThrows(ShapeException.class, () -> out("Concatenate",
                List.of(TensorShape.image(7, 7, 16), TensorShape.image(6, 7, 16))));
        assertEquals(List.of("in1", "in2", "in3"), LayerCatalogue.get("Add").inputPorts(
                params(LayerCatalogue.get("Add"), "inputs", 3)));
    }

    @Test
    void subtract_takes_two_equal_shapes_and_multiply_any_number() throws Exception {
        TensorShape v = TensorShape.vector(8);
        assertEquals(TensorShape.image(4, 4, 2), out("Subtract", List.of(TensorShape.image(4, 4, 2),
                TensorShape.image(4, 4, 2))));
        assertEquals(List.of("in1", "in2"), LayerCatalogue.get("Subtract").inputPorts(
                LayerCatalogue.get("Subtract").params().defaults()));
        assertEquals(v, out("Multiply", List.of(v, v, v)));
        var e = assertThrows(ShapeException.class, () -> out("Multiply", List.of(v, TensorShape.vector(6))));
        assertEquals("shape.elementwise", e.code());
        assertTrue(e.getMessage().startsWith("Multiply combines its inputs value by value")
                && e.getMessage().contains("in1 is 8 and in2 is 6"), e.getMessage());
        assertThrows(ShapeException.class, () -> out("Subtract", List.of(v, TensorShape.sequence(2, 4))));
    }

    @Test
    void zero_padding_adds_a_border_and_up_sampling_repeats_pixels() throws Exception {
        assertEquals(TensorShape.image(30, 32, 1), out("ZeroPadding2D", List.of(TensorShape.image(28, 28, 1)),
                "padding", new int[]{1, 2}));
        assertEquals(TensorShape.image(14, 21, 8), out("UpSampling2D", List.of(TensorShape.image(7, 7, 8)),
                "size", new int[]{2, 3}));
        var e = assertThrows(ShapeException.class, () -> out("UpSampling2D", List.of(TensorShape.vector(10))));
        assertEquals("shape.kind.UpSampling2D", e.code());
        assertThrows(ShapeException.class, () -> out("ZeroPadding2D", List.of(SEQ)));
    }

    @Test
    void lstm_returns_the_last_step_or_every_step() throws Exception {
        assertEquals(TensorShape.vector(64), out("LSTM", List.of(SEQ)));
        assertEquals(TensorShape.sequence(20, 16), out("LSTM", List.of(SEQ), "units", 16, "returnSequences", true));
        assertEquals(4L * (8 * 64 + 64 * 64 + 64), count("LSTM", List.of(SEQ)));
        assertThrows(ShapeException.class, () -> out("LSTM", List.of(TensorShape.vector(8))));
    }

    @Test
    void a_bidirectional_layer_is_twice_its_units_wide_with_a_second_set_of_weights_named_reverse() throws Exception {
        assertEquals(TensorShape.vector(32), out("LSTM", List.of(SEQ), "units", 16, "bidirectional", true));
        assertEquals(TensorShape.sequence(20, 10), out("GRU", List.of(SEQ), "units", 5, "returnSequences", true,
                "bidirectional", true));
        assertEquals(2 * (3L * (8 * 64 + 64 * 64 + 64) + 64), count("GRU", List.of(SEQ), "bidirectional", true));
        LayerType rnn = LayerCatalogue.get("SimpleRNN");
        assertEquals(List.of("W", "U", "b", "W_reverse", "U_reverse", "b_reverse"),
                rnn.weights(List.of(SEQ), params(rnn, "bidirectional", true)).stream().map(Weight::name).toList());
    }

    @Test
    void gru_and_simple_rnn_return_the_last_step_or_every_step_with_their_weights() throws Exception {
        assertEquals(TensorShape.vector(64), out("GRU", List.of(SEQ)));
        assertEquals(TensorShape.sequence(20, 16), out("GRU", List.of(SEQ), "units", 16, "returnSequences", true));
        assertEquals(3L * (8 * 64 + 64 * 64 + 64) + 64, count("GRU", List.of(SEQ)), "W, U, b and the candidate's bh");
        assertEquals(TensorShape.sequence(20, 5), out("SimpleRNN", List.of(SEQ), "units", 5, "returnSequences", true));
        assertEquals(8L * 64 + 64 * 64 + 64, count("SimpleRNN", List.of(SEQ)));
        assertEquals("shape.kind.GRU", assertThrows(ShapeException.class,
                () -> out("GRU", List.of(TensorShape.vector(8)))).code());
        assertThrows(ShapeException.class, () -> out("SimpleRNN", List.of(IMG)));
    }

    @Test
    void conv1d_and_1d_pooling_slide_along_time() throws Exception {
        assertEquals(TensorShape.sequence(18, 32), out("Conv1D", List.of(SEQ)));
        assertEquals(TensorShape.sequence(10, 4), out("Conv1D", List.of(SEQ), "filters", 4, "stride", 2,
                "padding", "same"));
        assertEquals(5L * 8 * 4 + 4, count("Conv1D", List.of(SEQ), "filters", 4, "kernel", 5));
        assertEquals(TensorShape.sequence(10, 8), out("MaxPool1D", List.of(SEQ)));
        assertEquals(TensorShape.sequence(7, 8), out("AvgPool1D", List.of(SEQ), "pool", 3, "stride", 3,
                "padding", "same"));
        assertEquals("shape.kind.Conv1D", assertThrows(ShapeException.class, () -> out("Conv1D", List.of(IMG))).code());
        assertEquals("shape.window", assertThrows(ShapeException.class,
                () -> out("MaxPool1D", List.of(TensorShape.sequence(3, 2)), "pool", 4)).code());
    }

    @Test
    void attention_keeps_the_sequence_shape_with_four_projections() throws Exception {
        assertEquals(SEQ, out("MultiHeadAttention", List.of(SEQ), "heads", 3, "keySize", 5));
        assertEquals(3L * (8 * 15 + 15) + 15 * 8 + 8, count("MultiHeadAttention", List.of(SEQ), "heads", 3,
                "keySize", 5));
        assertEquals("shape.kind.MultiHeadAttention", assertThrows(ShapeException.class,
                () -> out("MultiHeadAttention", List.of(TensorShape.vector(8)))).code());
    }

    @Test
    void depthwise_keeps_channels_apart_and_transposed_convolution_grows_the_image() throws Exception {
        TensorShape rgb = TensorShape.image(9, 8, 3);
        assertEquals(TensorShape.image(7, 6, 6), out("DepthwiseConv2D", List.of(rgb), "multiplier", 2));
        assertEquals(3L * 3 * 3 * 2 + 6, count("DepthwiseConv2D", List.of(rgb), "multiplier", 2));
        assertEquals(TensorShape.image(18, 16, 32), out("ConvTranspose2D", List.of(rgb)));
        assertEquals(TensorShape.image(19, 17, 4), out("ConvTranspose2D", List.of(rgb), "filters", 4,
                "padding", "valid"));
        assertEquals(3L * 3 * 4 * 3 + 4, count("ConvTranspose2D", List.of(rgb), "filters", 4));
        var e = assertThrows(ShapeException.class, () -> out("ConvTranspose2D", List.of(rgb), "kernel",
                new int[]{1, 1}));
        assertEquals("shape.transpose", e.code());
        assertEquals("shape.kind.DepthwiseConv2D", assertThrows(ShapeException.class,
                () -> out("DepthwiseConv2D", List.of(SEQ))).code());
    }

    @Test
    void position_embedding_learns_a_vector_per_step() throws Exception {
        assertEquals(SEQ, out("PositionEmbedding", List.of(SEQ)));
        assertEquals(20L * 8, count("PositionEmbedding", List.of(SEQ)));
        assertThrows(ShapeException.class, () -> out("PositionEmbedding", List.of(IMG)));
    }

    @Test
    void dense_on_a_sequence_applies_to_every_step_with_one_set_of_weights() throws Exception {
        assertEquals(TensorShape.sequence(20, 5), out("Dense", List.of(SEQ), "units", 5));
        assertEquals(8L * 5 + 5, count("Dense", List.of(SEQ), "units", 5));
        assertEquals("shape.kind.Dense", assertThrows(ShapeException.class, () -> out("Dense", List.of(IMG))).code());
    }

    @Test
    void a_dilated_filter_spans_more_pixels_with_the_same_weights() throws Exception {
        assertEquals(TensorShape.image(22, 24, 32), out("Conv2D", List.of(IMG), "dilation", new int[]{3, 2})); // spans 7×5
        assertEquals(3L * 3 * 32 + 32, count("Conv2D", List.of(IMG), "dilation", new int[]{3, 2}));
        assertEquals(TensorShape.image(28, 28, 32), out("Conv2D", List.of(IMG), "dilation", new int[]{3, 2},
                "padding", "same"));
        assertEquals(TensorShape.sequence(12, 32), out("Conv1D", List.of(SEQ), "dilation", 4));
        assertEquals("shape.window", assertThrows(ShapeException.class,
                () -> out("Conv1D", List.of(SEQ), "dilation", 10)).code());
    }

    @Test
    void embedding_turns_indices_into_a_sequence() throws Exception {
        assertEquals(TensorShape.sequence(12, 32), out("Embedding", List.of(TensorShape.vector(12))));
        assertEquals(32_000, count("Embedding", List.of(TensorShape.vector(12))));
        assertThrows(ShapeException.class, () -> out("Embedding", List.of(IMG)));
    }

    @Test
    void output_takes_a_vector_of_at_least_two_classes_for_softmax() throws Exception {
        assertEquals(TensorShape.vector(10), out("Output", List.of(TensorShape.vector(10))));
        assertEquals(TensorShape.vector(1), out("Output", List.of(TensorShape.vector(1)), "loss", "mse"));
        assertThrows(ShapeException.class, () -> out("Output", List.of(TensorShape.vector(1))));
        assertThrows(ShapeException.class, () -> out("Output", List.of(IMG)));
    }

    @Test
    void output_takes_a_sequence_as_a_class_at_every_step_only_with_softmax_cross_entropy_and_accuracy()
            throws Exception {
        TensorShape steps = TensorShape.sequence(8, 30);
        assertEquals(steps, out("Output", List.of(steps)));
        ShapeException loss = assertThrows(ShapeException.class, () -> out("Output", List.of(steps), "loss", "mse",
                "metric", "mae"));
        assertEquals("shape.sequenceLoss", loss.code());
        assertEquals(List.of("8×30", "mse"), loss.args());
        ShapeException metric = assertThrows(ShapeException.class, () -> out("Output", List.of(steps), "metric",
                "mae"));
        assertEquals("shape.sequenceMetric", metric.code());
        assertEquals("shape.classes", assertThrows(ShapeException.class,
                () -> out("Output", List.of(TensorShape.sequence(8, 1)))).code());
    }

    @Test
    void conv_flops_count_multiply_adds_twice() {
        LayerType conv = LayerCatalogue.get("Conv2D");
        Params p = conv.params().defaults();
        assertEquals(2L * 9 * 26 * 26 * 32, conv.flops(List.of(IMG), TensorShape.image(26, 26, 32), p));
    }

    @Test
    void every_type_has_a_description_doc_and_valid_defaults() {
        for (LayerType t : LayerCatalogue.all()) {
            assertTrue(!t.description().isBlank() && !t.doc().isBlank(), t.id());
            for (var s : t.params().specs()) {
                assertTrue(s.check(s.defaultValue()).isEmpty(), t.id() + "." + s.name());
                assertTrue(!s.description().isBlank(), t.id() + "." + s.name());
            }
        }
    }

    @AfterAll
    static void every_catalogue_type_has_a_shape_test() {
        Set<String> all = new HashSet<>();
        LayerCatalogue.all().forEach(t -> all.add(t.id()));
        all.removeAll(COVERED);
        assertEquals(Set.of(), all, "layer types without a shape test");
    }
}
