package org.strata.engine.train.dl4j;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.LayerType;

/**
 * Reads and writes a network's parameters under Strata's names ({@code <nodeId>/<param>}) and layouts, as each
 * layer type's {@link LayerType#exportedParams} defines them.
 */
public final class ParamAccess {
    private ParamAccess() {
    }

    /** @return every parameter array, in graph order, as copies in the export layout */
    public static Map<String, INDArray> read(Graph graph, Dl4jNetwork net) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (Node n : graph.nodes()) {
            for (LayerType.ExportedParam p : n.type().exportedParams(n.params())) {
                INDArray a = net.graph().getParam(net.vertexOf(n.id()) + "_" + p.engineKey());
                out.put(n.id() + "/" + p.name(), p.toExport().apply(a.dup()).dup('c'));
            }
        }
        return out;
    }

    /**
     * Sets parameters from arrays in the export layout.
     *
     * @throws IllegalArgumentException naming the parameter when one is missing or of the wrong shape
     */
    public static void write(Graph graph, Dl4jNetwork net, Map<String, INDArray> values) {
        for (Node n : graph.nodes()) {
            for (LayerType.ExportedParam p : n.type().exportedParams(n.params())) {
                String name = n.id() + "/" + p.name();
                INDArray v = values.get(name);
                if (v == null) throw new IllegalArgumentException("the model file has no parameter " + name);
                String key = net.vertexOf(n.id()) + "_" + p.engineKey();
                INDArray current = net.graph().getParam(key);
                INDArray converted = p.fromExport().apply(v);
                if (converted.isVectorOrScalar() && current.isVectorOrScalar()
                        && converted.length() == current.length()) {
                    converted = converted.reshape(current.shape()); // DL4J keeps biases as [n] or [1, n]
                }
                if (!java.util.Arrays.equals(current.shape(), converted.shape())) {
                    throw new IllegalArgumentException(name + " has shape " + java.util.Arrays.toString(v.shape())
                            + " in the model file but the network needs " + p.layout() + " = "
                            + java.util.Arrays.toString(p.toExport().apply(current.dup()).shape()));
                }
                net.graph().setParam(key, converted.castTo(current.dataType()));
            }
        }
    }
}
