package org.strata.engine.train.dl4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.graph.Edge;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.graph.PortRef;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.layers.Weight;
import org.strata.engine.params.Params;

/** Compiles a valid graph into a Deeplearning4j {@link ComputationGraph}, each layer type as {@link Dl4jLayers} maps it. */
public final class Dl4jCompiler {
    private Dl4jCompiler() {
    }

    /**
     * @param graph    a graph whose analysis has no errors, with exactly one Input and one Output
     * @param analysis its analysis
     * @param training values of {@link org.strata.engine.project.TrainingSettings#TABLE}
     * @return the initialised network
     */
    public static Dl4jNetwork compile(Graph graph, Analysis analysis, Params training) {
        if (!analysis.isValid()) throw new IllegalArgumentException("the graph has errors: " + analysis.errors());
        SameDiffChatter.quiet(); // SameDiff layers print a line per operation when first trained
        NeuralNetConfiguration.Builder conf = new NeuralNetConfiguration.Builder()
                .seed(training.getInt("seed"))
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(updater(training));
        double wd = training.getDouble("weightDecay");
        if (wd > 0) {
            // Decoupled decay for AdamW; classic L2 on the loss otherwise.
            // DL4J 1.0.0-M2.1 registers a global WeightDecay on every layer twice (measured: each layer's
            // configuration lists it two times and weights shrink twice as fast), so it gets half the coefficient.
            // The fast engine, which applies it once, matches this in FastGradientTest.
            if (training.getString("optimizer").equals("adamw")) {
                conf.weightDecay(wd / 2, true);
            } else {
                conf.l2(wd);
            }
        }
        GraphBuilder b = conf.graphBuilder();
        Context ctx = new Context(graph, analysis, b);
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        for (String id : analysis.order()) {
            Node n = graph.require(id);
            if (n.type().inputPorts(n.params()).isEmpty()) {
                inputs.add(id);
            }
        }
        // No setInputTypes: every layer's sizes and data formats are set explicitly from our own shape inference,
        // and DL4J's inference would override them wrongly for channels-last reshapes and merges.
        b.addInputs(inputs.toArray(String[]::new));
        for (String id : analysis.order()) {
            Node n = graph.require(id);
            Dl4jLayers.of(n.type()).add().accept(n, ctx);
            if (n.type().outputPorts().isEmpty()) outputs.add(ctx.vertexOf(id));
        }
        b.setOutputs(outputs.toArray(String[]::new));
        ComputationGraph cg = new ComputationGraph(b.build());
        cg.init();
        Map<String, List<Weight>> weights = new java.util.LinkedHashMap<>();
        for (String id : analysis.order()) weights.put(id, analysis.weightsOf(id));
        Dl4jNetwork net = new Dl4jNetwork(cg, inputs, outputs, Map.copyOf(ctx.aliases), weights, ctx.padding.any(),
                analysis.ties());
        if (!net.ties().isEmpty()) {
            TiedWeightsDl4j.copy(net);
            cg.addListeners(TiedWeightsDl4j.listener(net)); // before the updater of every fit
        }
        return net;
    }

    /** @return the DL4J updater for the settings' optimizer and learning rate */
    static IUpdater updater(Params t) {
        double lr = t.getDouble("learningRate");
        return switch (t.getString("optimizer")) {
            case "sgd" -> new Sgd(lr);
            case "momentum" -> new Nesterovs(lr, t.getDouble("momentum"));
            case "rmsprop" -> new RmsProp(lr);
            default -> new Adam(lr); // adam, adamw (decay set separately)
        };
    }

    private static final class Context implements Dl4jContext {
        private final Graph graph;
        private final Analysis analysis;
        private final GraphBuilder builder;
        private final Map<String, String> aliases = new HashMap<>();
        private final org.strata.engine.analysis.PaddingMasks padding;

        Context(Graph graph, Analysis analysis, GraphBuilder builder) {
            this.graph = graph;
            this.analysis = analysis;
            this.builder = builder;
            this.padding = org.strata.engine.analysis.PaddingMasks.of(graph, analysis);
        }

        @Override
        public boolean readsPadding(Node node) {
            return padding.ofInput(node.id()).isPresent();
        }

        String vertexOf(String nodeId) {
            return aliases.getOrDefault(nodeId, nodeId);
        }

        @Override
        public String[] inputs(Node node) {
            return node.type().inputPorts(node.params()).stream()
                    .map(p -> vertexOf(graph.incoming(new PortRef(node.id(), p)).orElseThrow().from().node()))
                    .toArray(String[]::new);
        }

        @Override
        public Node producer(Node node, int port) {
            String p = node.type().inputPorts(node.params()).get(port);
            return graph.require(graph.incoming(new PortRef(node.id(), p)).orElseThrow().from().node());
        }

        @Override
        public List<TensorShape> inputShapes(Node node) {
            List<TensorShape> out = new ArrayList<>();
            for (String p : node.type().inputPorts(node.params())) {
                Edge e = graph.incoming(new PortRef(node.id(), p)).orElseThrow();
                out.add(analysis.shapeOf(e.from().node()).orElseThrow());
            }
            return out;
        }

        @Override
        public TensorShape outputShape(Node node) {
            return analysis.shapeOf(node.id()).orElseThrow();
        }

        @Override
        public Optional<Node> soleOutputConsumer(Node node) {
            List<Edge> out = graph.outgoing(node.id());
            if (out.size() != 1) return Optional.empty();
            Node next = graph.require(out.get(0).to().node());
            return next.type().outputPorts().isEmpty() ? Optional.of(next) : Optional.empty();
        }

        @Override
        public void addLayer(String name, Layer layer, String... inputs) {
            builder.addLayer(name, layer, inputs);
        }

        @Override
        public void addVertex(String name, GraphVertex vertex, String... inputs) {
            builder.addVertex(name, vertex, inputs);
        }

        @Override
        public void alias(Node node, String dl4jName) {
            aliases.put(node.id(), dl4jName);
        }

        @Override
        public boolean isAliased(Node node) {
            return aliases.containsKey(node.id());
        }
    }
}
