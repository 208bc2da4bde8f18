package org.strata.engine;

import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.LayerCatalogue;

/** Builds graphs for tests in a line each. */
public final class Graphs {
    private final Graph graph = new Graph();
    private String last;

    /** Adds a node of {@code type} with params as alternating name, value pairs, wired from the previous node. */
    public Graphs then(String id, String type, Object... params) {
        String prev = last;
        add(id, type, params);
        if (prev != null) graph.connect(prev, id);
        return this;
    }

    /** Adds a node without wiring it. */
    public Graphs add(String id, String type, Object... params) {
        Node n = graph.add(Node.of(id, LayerCatalogue.get(type)));
        for (int i = 0; i < params.length; i += 2) n.params().set((String) params[i], params[i + 1]);
        last = id;
        return this;
    }

    public Graph build() {
        return graph;
    }

    /** The seed's MLP: 784 → Dense 128 relu → Dense 10 softmax → Output. */
    public static Graph mlp() {
        return new Graphs().then("input", "Input", "kind", "vector", "size", 784)
                .then("dense1", "Dense", "units", 128, "activation", "relu")
                .then("dense2", "Dense", "units", 10, "activation", "softmax")
                .then("output", "Output").build();
    }

    /** The seed's CNN. */
    public static Graph cnn() {
        return new Graphs().then("input", "Input", "kind", "image", "height", 28, "width", 28, "channels", 1)
                .then("conv1", "Conv2D", "filters", 32, "kernel", new int[]{3, 3})
                .then("pool1", "MaxPool2D")
                .then("conv2", "Conv2D", "filters", 64, "kernel", new int[]{3, 3})
                .then("pool2", "MaxPool2D")
                .then("flatten", "Flatten")
                .then("dense1", "Dense", "units", 128)
                .then("dense2", "Dense", "units", 10, "activation", "softmax")
                .then("output", "Output").build();
    }
}
