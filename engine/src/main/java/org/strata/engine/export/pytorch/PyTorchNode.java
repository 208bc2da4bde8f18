package org.strata.engine.export.pytorch;

import java.util.List;
import org.strata.engine.export.escape.PythonText;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.params.Params;

/**
 * What a {@link PyTorchLayers} emitter gets for one layer: the node, its Python name ({@link PyTorchExport#names}),
 * the Python variables of its inputs in forward, their shapes and its output's, the graph, and the Python name of the
 * Embedding whose padding its input carries ({@code <name>__mask}, {@code <name>__lengths}), or null.
 */
record PyTorchNode(Node node, String name, List<String> inputs, List<TensorShape> shapes, TensorShape out, Graph graph,
                   String paddedBy) {
    PyTorchNode {
        inputs = List.copyOf(inputs);
        shapes = List.copyOf(shapes);
    }

    Params p() {
        return node.params();
    }

    /** @return the first input's variable in forward */
    String x() {
        return inputs.isEmpty() ? "x" : inputs.get(0);
    }

    /** @return the first input's shape */
    TensorShape in() {
        return shapes.get(0);
    }

    /** @return the node's id as it stands between the quotes of a weights.npz key, and only there */
    String key() {
        return PythonText.inQuotes(node.id());
    }

    /** @return {@code self.<name>(<arg>)}: the layer's module called */
    String call(String arg) {
        return "self." + name + "(" + arg + ")";
    }

    /** @return {@code expr} through the layer's own output activation */
    String activated(String expr) {
        return PyTorchLayers.activation(node.type().outputActivation(p()), expr);
    }

    /** @return Python's True or False */
    static String bool(boolean b) {
        return b ? "True" : "False";
    }
}
