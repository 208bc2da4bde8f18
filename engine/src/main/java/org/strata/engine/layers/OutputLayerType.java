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
                        + "huber: ½(x − y)² within 1 of the label, |x − y| − ½ beyond.",
                ParamTable.of(
                        ParamSpec.choice("loss", "Loss", LossFn.SOFTMAX_CROSS_ENTROPY,
                                "What training minimises"),
                        ParamSpec.choice("metric", "Metric", "accuracy", List.of("accuracy", "mae"),
                                "Reported each epoch: accuracy for classes, mean absolute error for values")));
    }

    @Override
    public String outputRule() {
        return "the prediction";
    }

    @Override
    public List<String> outputPorts() {
        return List.of();
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        TensorShape s = single(in, TensorShape.Kind.VECTOR,
                "add a Flatten or GlobalAvgPool and a Dense with one unit per class (or per target) before it");
        if (LossFn.of(p) == LossFn.SOFTMAX_CROSS_ENTROPY && s.size() < 2) {
            throw new ShapeException("shape.classes", "softmax_cross_entropy needs at least 2 classes but gets " + s
                    + " value: use binary_cross_entropy for one output, or a Dense with one unit per class",
                    s.toString());
        }
        return s;
    }

    @Override
    public String keyParams(Params p) {
        return p.getString("loss");
    }


}
