package org.strata.engine.train.dl4j;

import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.TensorShape;

/** What a layer type needs to add itself to a Deeplearning4j {@code ComputationGraph} configuration. */
public interface Dl4jContext {

    /** @return the DL4J vertex names feeding the node's input ports, in port order */
    String[] inputs(Node node);

    /** @return the node feeding input port number {@code port} of {@code node} */
    Node producer(Node node, int port);

    /** @return the node's input shapes, in port order */
    List<TensorShape> inputShapes(Node node);

    /** @return whether the node's (first) input carries an Embedding's padding */
    boolean readsPadding(Node node);

    /** @return the node's output shape */
    TensorShape outputShape(Node node);

    /** @return the Output node that is this node's only consumer, if there is one */
    Optional<Node> soleOutputConsumer(Node node);

    /** Adds a layer named {@code name} fed by {@code inputs}. */
    void addLayer(String name, Layer layer, String... inputs);

    /** Adds a parameter-free vertex named {@code name} fed by {@code inputs}. */
    void addVertex(String name, GraphVertex vertex, String... inputs);

    /** Says that {@code node} has no vertex of its own: its output is the vertex {@code dl4jName}. */
    void alias(Node node, String dl4jName);

    /** @return whether {@code node} was folded into a neighbour (see {@link #alias}) */
    boolean isAliased(Node node);
}
