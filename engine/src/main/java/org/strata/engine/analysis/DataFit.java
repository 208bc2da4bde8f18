package org.strata.engine.analysis;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.strata.engine.graph.Edge;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.LossFn;
import org.strata.engine.layers.TensorShape;

/**
 * Checks a graph against the data it will train on: the Input takes a sample, the Output gives one value per class
 * (or per number to predict) and has a loss and metric that suit the task. Each mismatch is a {@link Problem} with a
 * one-click {@link Fix} where one change repairs it. Training refuses to start on the same rules, so what the editor
 * lists before training is what would stop it.
 */
public final class DataFit {
    private DataFit() {
    }

    /**
     * @param analysis the graph's own analysis (its shapes); nothing is checked where the graph's Input or Output is
     *                 missing, doubled or of unknown shape, since the graph's own problems say so
     * @return the mismatches, in the order training would meet them
     */
    public static List<Problem> problems(Graph graph, Analysis analysis, DataShape data) {
        if (graph.inputNodes().size() != 1 || graph.outputNodes().size() != 1) return List.of();
        Node input = graph.inputNodes().get(0);
        Node output = graph.outputNodes().get(0);
        List<Problem> found = new java.util.ArrayList<>();
        analysis.shapeOf(input.id()).ifPresent(in -> inputFits(input, in, data).ifPresent(found::add));
        if (data.tokens() > 0) found.addAll(vocabularyFits(graph, input, data));
        analysis.shapeOf(output.id()).ifPresent(out -> found.addAll(
                org.strata.engine.layers.OutputLayerType.perStep(out) || data.labelSteps() > 0
                        ? stepsFit(graph, analysis, output, out, data)
                        : outputFits(graph, analysis, output, (int) out.size(), data)));
        return List.copyOf(found);
    }

    private static Optional<Problem> inputFits(Node input, TensorShape in, DataShape data) {
        TensorShape f = data.features();
        if (in.size() == f.size()) return Optional.empty();
        Problem p = Problem.error(input.id(), "data.inputSize", "The Input is " + in + " (" + in.size()
                + " values) but each sample of " + data.name() + " is " + f + " (" + f.size() + " values): set the "
                + "Input to " + f, in.toString(), in.size(), data.name(), f.toString(), f.size());
        return Optional.of(p.withFix(Fix.node(input.id(), inputSettings(f), "fix.inputShape", "Set shape to " + f,
                f.toString())));
    }

    /**
     * An Embedding reading the data's token numbers needs a row for each of them: a number beyond its table
     * cannot be looked up.
     */
    private static List<Problem> vocabularyFits(Graph graph, Node input, DataShape data) {
        List<Problem> found = new java.util.ArrayList<>();
        for (Edge e : graph.outgoing(input.id())) {
            Node n = graph.require(e.to().node());
            if (!n.type().id().equals("Embedding") || n.params().getInt("vocabulary") >= data.tokens()) continue;
            int has = n.params().getInt("vocabulary");
            found.add(Problem.error(n.id(), "data.vocabulary", n.name() + " has a vocabulary of " + has + " but the "
                    + "texts of " + data.name() + " are numbered with " + data.tokens() + " tokens: set its "
                    + "vocabulary to " + data.tokens(), n.name(), has, data.name(), data.tokens())
                    .withFix(Fix.node(n.id(), Map.of("vocabulary", data.tokens()), "fix.vocabulary",
                            "Set vocabulary to " + data.tokens(), data.tokens())));
        }
        return found;
    }

    /** @return the Input parameters that declare {@code shape} (a new Input takes the data's shape from them) */
    public static Map<String, Object> inputSettings(TensorShape shape) {
        return switch (shape.kind()) {
            case IMAGE -> Map.of("kind", "image", "height", shape.dim(0), "width", shape.dim(1),
                    "channels", shape.dim(2));
            case SEQUENCE -> Map.of("kind", "sequence", "timesteps", shape.dim(0), "features", shape.dim(1));
            default -> Map.of("kind", "vector", "size", (int) shape.size());
        };
    }

    private static List<Problem> outputFits(Graph graph, Analysis analysis, Node output, int width, DataShape data) {
        LossFn loss = LossFn.of(output.params());
        String metric = output.params().getString("metric");
        String id = output.id();
        if (data.isClassification()) {
            int k = data.classes().size();
            if (k == 1) {
                String only = data.classes().get(0);
                return List.of(Problem.error(id, "data.oneClass", "The data has one class only ('" + only + "'): a "
                        + "classifier needs at least two; check the label column (or make it regression)", only));
            }
            if (width == k || width == 1 && k == 2 && loss != LossFn.SOFTMAX_CROSS_ENTROPY) return List.of();
            String english = "The Output gets " + width + " value" + (width == 1 ? "" : "s") + " per sample but the "
                    + "dataset has " + k + " classes: set the units of the last Dense to " + k
                    + (k == 2 ? " (or to 1 with binary_cross_entropy)" : "");
            Problem p = Problem.error(id, k == 2 ? "data.twoClasses" : "data.classes", english, width, k);
            return List.of(withUnitsFix(p, graph, analysis, output, width, k));
        }
        List<Problem> found = new java.util.ArrayList<>();
        if (!loss.isRegression()) {
            found.add(Problem.error(id, "data.regressionLoss", "The dataset has numbers to predict (regression) but "
                    + "the Output's loss is " + loss.key() + ", which needs classes: set the loss to mse (or mae, huber)",
                    loss.key())
                    .withFix(Fix.node(id, Map.of("loss", LossFn.MSE.key()), "fix.loss", "Set loss to mse",
                            LossFn.MSE.key())));
        }
        if (metric.equals("accuracy")) {
            found.add(Problem.error(id, "data.regressionAccuracy", "Accuracy needs classes but the dataset has "
                    + "numbers to predict: set the Output's metric to mae").withFix(Fix.node(id, Map.of("metric",
                    "mae"), "fix.metric", "Set metric to mae", "mae")));
        }
        if (width != data.targets()) {
            Problem p = Problem.error(id, "data.targets", "The Output gets " + width + " values per sample but the "
                    + "dataset has " + data.targets() + " target(s): set the units of the last Dense to "
                    + data.targets(), width, data.targets());
            found.add(withUnitsFix(p, graph, analysis, output, width, data.targets()));
        }
        return found;
    }

    /**
     * A class at every step: the Output predicts a sequence [T, K] exactly when each sample has a label at each of
     * its positions, as many as the Output's steps, from K classes.
     */
    private static List<Problem> stepsFit(Graph graph, Analysis analysis, Node output, TensorShape out,
                                          DataShape data) {
        String id = output.id();
        boolean perStep = org.strata.engine.layers.OutputLayerType.perStep(out);
        if (perStep && data.labelSteps() == 0) {
            return List.of(Problem.error(id, "data.perStepOutput", "The Output predicts a class at each of its "
                    + out.dim(0) + " steps but each sample of " + data.name() + " has one label: add a Flatten or "
                    + "GlobalAvgPool before the Output's Dense", out.dim(0), data.name()));
        }
        if (!perStep) {
            return List.of(Problem.error(id, "data.perStepLabels", "Each sample of " + data.name() + " has a label "
                    + "at each of its " + data.labelSteps() + " positions (the next token) but the Output predicts "
                    + "one per sample: keep the sequence up to the Output (remove the Flatten or GlobalAvgPool before "
                    + "it)", data.name(), data.labelSteps()));
        }
        if (out.dim(0) != data.labelSteps()) {
            return List.of(Problem.error(id, "data.labelSteps", "The Output predicts " + out.dim(0) + " steps but "
                    + "the samples of " + data.name() + " have a label at each of " + data.labelSteps() + " positions: "
                    + "set the Input's timesteps (or size) to " + data.labelSteps(), out.dim(0), data.name(),
                    data.labelSteps()));
        }
        int k = data.classes().size();
        if (out.channels() == k) return List.of();
        Problem p = Problem.error(id, "data.stepClasses", "The Output gets " + out.channels() + " values per step "
                + "but the data has " + k + " classes (tokens): set the units of the last Dense to " + k,
                out.channels(), k);
        return List.of(withUnitsFix(p, graph, analysis, output, out.channels(), k));
    }

    /** Offers to set the units of the layer that decides the Output's width, when one layer does. */
    private static Problem withUnitsFix(Problem p, Graph graph, Analysis analysis, Node output, int width, int units) {
        return widthLayer(graph, analysis, output, width).map(n -> p.withFix(Fix.node(n.id(), Map.of("units", units),
                "fix.units", "Set units of " + n.name() + " to " + units, n.name(), units))).orElse(p);
    }

    /**
     * Walks back from the Output through layers that keep their input's width (activations, dropout,
     * normalisation) to the layer with a {@code units} setting that makes it: the last Dense, or a one-way recurrent
     * layer.
     */
    private static Optional<Node> widthLayer(Graph graph, Analysis analysis, Node output, int width) {
        Node at = output;
        for (int guard = 0; guard < graph.nodes().size(); guard++) {
            List<String> ports = at.type().inputPorts(at.params());
            if (ports.size() != 1) return Optional.empty();
            Optional<Edge> in = graph.incoming(new org.strata.engine.graph.PortRef(at.id(), ports.get(0)));
            if (in.isEmpty()) return Optional.empty();
            Node prev = graph.require(in.get().from().node());
            Optional<TensorShape> shape = analysis.shapeOf(prev.id());
            // a vector that wide, or a sequence that wide at every step (a per-step Dense)
            if (shape.isEmpty() || shape.get().kind() == TensorShape.Kind.IMAGE
                    || (shape.get().kind() == TensorShape.Kind.VECTOR ? shape.get().size() : shape.get().channels())
                    != width) {
                return Optional.empty();
            }
            if (prev.params().table().spec("units").isPresent()) {
                // a bidirectional layer is twice its units wide: no single setting to offer
                boolean twice = prev.params().table().spec("bidirectional").isPresent()
                        && prev.params().getBool("bidirectional");
                return twice ? Optional.empty() : Optional.of(prev);
            }
            at = prev;
        }
        return Optional.empty();
    }
}
