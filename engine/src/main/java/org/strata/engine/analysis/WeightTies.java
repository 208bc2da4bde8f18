package org.strata.engine.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.graph.PortRef;
import org.strata.engine.layers.DenseLayer;
import org.strata.engine.layers.TensorShape;

/**
 * Weight tying, resolved once for every engine and export: a Dense with "tie to embedding" uses the transpose of
 * the one token Embedding whose vocabulary equals its units and whose dimension equals its inputs (GPT-2's output
 * layer). A tied Dense declares no W of its own ({@link DenseLayer#weights}); where no Embedding, or more than one,
 * fits, the Dense gets an error with a fix and no tie.
 */
final class WeightTies {
    private WeightTies() {
    }

    /**
     * @param order    the nodes, each after those it reads
     * @param shapes   each node's output shape, where known
     * @param problems where a tie that cannot be made is reported
     * @return each tied Dense's id → its Embedding's id
     */
    static Map<String, String> resolve(Graph graph, List<String> order, Map<String, TensorShape> shapes,
                                       List<Problem> problems) {
        Map<String, String> ties = new LinkedHashMap<>();
        for (String id : order) {
            Node dense = graph.require(id);
            if (!dense.type().id().equals("Dense") || !DenseLayer.tied(dense.params()) || !shapes.containsKey(id)) {
                continue;
            }
            TensorShape x = graph.incoming(new PortRef(id, dense.type().inputPorts(dense.params()).get(0)))
                    .map(e -> shapes.get(e.from().node())).orElseThrow(); // known: the Dense's own shape is
            long inputs = x.kind() == TensorShape.Kind.SEQUENCE ? x.channels() : x.size();
            int units = dense.params().getInt("units");
            List<Node> embeddings = order.stream().map(graph::require)
                    .filter(n -> n.type().id().equals("Embedding") && shapes.containsKey(n.id())).toList();
            List<Node> fit = embeddings.stream().filter(n -> n.params().getInt("vocabulary") == units
                    && n.params().getInt("dimension") == inputs).toList();
            if (fit.size() == 1) {
                ties.put(id, fit.get(0).id());
            } else if (fit.isEmpty()) {
                problems.add(none(dense, units, inputs, embeddings));
            } else {
                String names = String.join(", ", fit.stream().map(Node::name).toList());
                problems.add(Problem.error(id, "tie.ambiguous", dense.name() + " is tied to an embedding but "
                        + names + " all have a vocabulary of " + units + " and a dimension of " + inputs + ": untie "
                        + "it, or change the size of all but one of them", dense.name(), names, units, inputs)
                        .withFix(untie(dense)));
            }
        }
        return Map.copyOf(ties);
    }

    /** No Embedding fits: offer its vocabulary as the units when one Embedding has the right dimension. */
    private static Problem none(Node dense, int units, long inputs, List<Node> embeddings) {
        Problem p = Problem.error(dense.id(), "tie.none", dense.name() + " is tied to an embedding but no Embedding "
                + "has a vocabulary of " + units + " (its units) and a dimension of " + inputs + " (its inputs): "
                + "set its units to the Embedding's vocabulary, or untie it", dense.name(), units, inputs);
        List<Node> sameDimension = embeddings.stream().filter(n -> n.params().getInt("dimension") == inputs).toList();
        if (sameDimension.size() != 1) return p.withFix(untie(dense));
        int vocabulary = sameDimension.get(0).params().getInt("vocabulary");
        return p.withFix(Fix.node(dense.id(), Map.of("units", vocabulary), "fix.units", "Set units of "
                + dense.name() + " to " + vocabulary, dense.name(), vocabulary));
    }

    private static Fix untie(Node dense) {
        return Fix.node(dense.id(), Map.of(DenseLayer.TIE, false), "fix.untie", "Untie " + dense.name()
                + " from the embedding", dense.name());
    }
}
