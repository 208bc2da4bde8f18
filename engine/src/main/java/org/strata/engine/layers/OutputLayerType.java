package org.strata.engine.layers;

import java.util.List;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/** The end of the network: the loss that training minimises and the metric reported. */
public final class OutputLayerType extends LayerType {
    public OutputLayerType() {
        super("Output", Category.INPUT_OUTPUT, "The loss to minimise and the metric to report",
                "Compares the prediction with the label. softmax_cross_entropy: L = −Σ y·log softmax(x) (a softmax "
                        + "already applied before it is not applied twice); binary_cross_entropy: sigmoid then "
                        + "cross-entropy per output; mse: L = mean((x − y)²); mae: L = mean(|x − y|), pulled less by outliers; "
                        + "huber: ½(x − y)² within 1 of the label, |x − y| − ½ beyond. On a sequence [T, K] "
                        + "(softmax_cross_entropy only, as a language model predicts the next token at every "
                        + "position): a class per step, L averaged over the steps that have a label; accuracy per "
                        + "token.",
                ParamTable.of(
                        ParamSpec.choice("loss", "Loss", LossFn.SOFTMAX_CROSS_ENTROPY,
                                "What training minimises"),
                        ParamSpec.choice("metric", "Metric", "accuracy", List.of("accuracy", "mae"),
                                "Reported each epoch: accuracy for classes, mean absolute error for values")));
    }

    @Override
    public String outputRule() {
        return "the prediction: [K], or [T, K] on a sequence";
    }

    @Override
    public List<String> outputPorts() {
        return List.of();
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        if (in.get(0).kind() == TensorShape.Kind.SEQUENCE) return perStep(in.get(0), p);
        TensorShape s = single(in, TensorShape.Kind.VECTOR,
                "add a Flatten or GlobalAvgPool and a Dense with one unit per class (or per target) before it, or "
                        + "keep a sequence [T, classes] with softmax_cross_entropy");
        if (LossFn.of(p) == LossFn.SOFTMAX_CROSS_ENTROPY && s.size() < 2) {
            throw new ShapeException("shape.classes", "softmax_cross_entropy needs at least 2 classes but gets " + s
                    + " value: use binary_cross_entropy for one output, or a Dense with one unit per class",
                    s.toString());
        }
        return s;
    }

    /** A class at every step of a sequence [T, K]: a language model's next token at every position. */
    private static TensorShape perStep(TensorShape s, Params p) throws ShapeException {
        if (LossFn.of(p) != LossFn.SOFTMAX_CROSS_ENTROPY) {
            throw new ShapeException("shape.sequenceLoss", "A sequence " + s + " at the Output needs "
                    + "softmax_cross_entropy (a class per step) but the loss is " + p.getString("loss") + ": set the "
                    + "loss to softmax_cross_entropy, or add a Flatten or GlobalAvgPool before the Output",
                    s.toString(), p.getString("loss"));
        }
        if (!p.getString("metric").equals("accuracy")) {
            throw new ShapeException("shape.sequenceMetric", "A sequence " + s + " at the Output is scored by "
                    + "accuracy per step but the metric is " + p.getString("metric") + ": set the metric to accuracy",
                    s.toString(), p.getString("metric"));
        }
        if (s.channels() < 2) {
            throw new ShapeException("shape.classes", "softmax_cross_entropy needs at least 2 classes but gets " + s
                    + " value: use binary_cross_entropy for one output, or a Dense with one unit per class",
                    s.toString());
        }
        return s;
    }

    /** @return whether an Output of this shape predicts a class at every step (a sequence [T, K]) */
    public static boolean perStep(TensorShape prediction) {
        return prediction.kind() == TensorShape.Kind.SEQUENCE;
    }

    @Override
    public String keyParams(Params p) {
        return p.getString("loss");
    }


}
