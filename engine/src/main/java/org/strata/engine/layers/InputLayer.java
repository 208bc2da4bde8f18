package org.strata.engine.layers;

import java.util.List;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/** Where samples enter the network: a vector, an image (H×W×C) or a sequence (T×F). */
public final class InputLayer extends LayerType {
    /** The shape parameters shared with {@link ReshapeLayer}. */
    static List<ParamSpec> shapeParams(String what) {
        return List.of(
                ParamSpec.choice("kind", "Kind", "vector", List.of("vector", "image", "sequence"),
                        "Whether " + what + " is a vector, an image (height × width × channels) or a sequence"),
                ParamSpec.integer("size", "Size", 784, 1, 100_000_000, "Number of features").when("kind", "vector"),
                ParamSpec.integer("height", "Height", 28, 1, 100_000, "Image height in pixels").when("kind", "image"),
                ParamSpec.integer("width", "Width", 28, 1, 100_000, "Image width in pixels").when("kind", "image"),
                ParamSpec.integer("channels", "Channels", 1, 1, 100_000, "1 for grayscale, 3 for RGB")
                        .when("kind", "image"),
                ParamSpec.integer("timesteps", "Time steps", 20, 1, 100_000, "Sequence length")
                        .when("kind", "sequence"),
                ParamSpec.integer("features", "Features", 8, 1, 100_000, "Features per time step")
                        .when("kind", "sequence"));
    }

    /** The shape the {@link #shapeParams} describe. */
    static TensorShape shapeOf(Params p) {
        return switch (p.getString("kind")) {
            case "image" -> TensorShape.image(p.getInt("height"), p.getInt("width"), p.getInt("channels"));
            case "sequence" -> TensorShape.sequence(p.getInt("timesteps"), p.getInt("features"));
            default -> TensorShape.vector(p.getInt("size"));
        };
    }

    public InputLayer() {
        super("Input", Category.INPUT_OUTPUT, "Where samples enter the network",
                "Feeds one sample per row of the batch: a vector of features, an image of height × width × channels "
                        + "(channels last), or a sequence of time steps × features. Pixel values are scaled as the "
                        + "dataset's normalisation says.",
                new ParamTable(shapeParams("the sample")));
    }

    @Override
    public List<String> inputPorts(Params p) {
        return List.of();
    }

    @Override
    public String outputRule() {
        return "the declared shape";
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) {
        return shapeOf(p);
    }

    @Override
    public String keyParams(Params p) {
        return shapeOf(p).toString();
    }


}
