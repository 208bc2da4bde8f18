package org.strata.engine.export.onnx;

import static org.strata.engine.export.onnx.OnnxGraph.attr;

import java.util.List;

/**
 * The padding an Embedding with "token 0 pads" marks, as tensors computed inside the exported graph from its token
 * indices [batch, T], as Strata's engines compute it: a sample's real steps are those up to its last non-zero token
 * (at least the first step).
 *
 * @param mask    1 for a real step, 0 for padding [batch, T]
 * @param penalty 0 for a real step, −1e9 for padding [batch, T]
 * @param count   the real steps per sample [batch, 1]
 * @param lengths the same as int32 [batch], ONNX's sequence_lens of its recurrent operators
 */
record OnnxPadding(String mask, String penalty, String count, String lengths) {

    /** Adds the operators computing the padding of {@code tokens} [batch, steps]; names start with {@code id}. */
    static OnnxPadding of(OnnxGraph g, String id, String tokens, int steps) {
        float[] from0 = new float[steps];
        float[] from1 = new float[steps];
        for (int t = 0; t < steps; t++) {
            from0[t] = t;
            from1[t] = t + 1;
        }
        String zero = g.floats(id + "_zero", new float[]{0f});
        String one = g.floats(id + "_one", new float[]{1f});
        String nonZero = g.op("Clip", id + "_non_zero", List.of(tokens, zero, one));
        String positions = g.op("Mul", id + "_positions", List.of(nonZero, g.floats(id + "_from1", from1, 1, steps)));
        String last = g.op("ReduceMax", id + "_last", List.of(positions), attr("axes", new long[]{1}),
                attr("keepdims", 1L));
        String count = g.op("Max", id + "_count", List.of(last, one));
        String left = g.op("Sub", id + "_left", List.of(count, g.floats(id + "_from0", from0, 1, steps)));
        String mask = g.op("Clip", id + "_mask", List.of(left, zero, one));
        String penalty = g.op("Mul", id + "_penalty", List.of(g.op("Sub", id + "_unmask", List.of(mask, one)),
                g.floats(id + "_far", new float[]{1e9f})));
        String lengths = g.op("Cast", id + "_lengths", List.of(g.op("Squeeze", id + "_count_vector",
                List.of(count, g.longs(id + "_axis1", 1)))), attr("to", 6L)); // 6: INT32
        return new OnnxPadding(mask, penalty, count, lengths);
    }
}
