package org.strata.engine.train.dl4j;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.Weight;

/**
 * Reads and writes a network's parameters under Strata's names ({@code <nodeId>/<weight>}) and layouts, as each
 * layer type declares its weights ({@link LayerType#weights}) and {@link Dl4jLayers} places them in DL4J. A tied
 * Dense's copy of the Embedding's matrix is no declared weight: neither read nor written, but kept equal
 * ({@link TiedWeightsDl4j}).
 */
public final class ParamAccess {
    private ParamAccess() {
    }

    /** @return every parameter array, in graph order, as copies in the export layout */
    public static Map<String, INDArray> read(Graph graph, Dl4jNetwork net) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (Node n : graph.nodes()) {
            String id = n.id();
            for (Weight w : net.weights().getOrDefault(id, List.of())) {
                Dl4jLayers.Param p = Dl4jLayers.param(n, w);
                INDArray a = net.graph().getParam(net.vertexOf(id) + "_" + p.key());
                out.put(id + "/" + w.name(), p.toExport().apply(a.dup()).dup('c'));
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
            String id = n.id();
            for (Weight w : net.weights().getOrDefault(id, List.of())) {
                Dl4jLayers.Param p = Dl4jLayers.param(n, w);
                String name = id + "/" + w.name();
                INDArray v = values.get(name);
                if (v == null) throw new IllegalArgumentException("the model file has no parameter " + name);
                if (!Arrays.equals(v.shape(), w.shape())) {
                    throw new IllegalArgumentException(name + " has shape " + Arrays.toString(v.shape())
                            + " in the model file but the network needs " + w.layout() + " = "
                            + Arrays.toString(w.shape()));
                }
                String key = net.vertexOf(id) + "_" + p.key();
                INDArray current = net.graph().getParam(key);
                INDArray converted = p.fromExport().apply(v);
                if (converted.isVectorOrScalar() && current.isVectorOrScalar()
                        && converted.length() == current.length()) {
                    converted = converted.reshape(current.shape()); // DL4J keeps biases as [n] or [1, n]
                }
                net.graph().setParam(key, converted.castTo(current.dataType()));
            }
        }
        TiedWeightsDl4j.copy(net); // a tied Dense's copy of Eᵀ, which no file holds
    }
}
