package org.strata.engine.train;

import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.backend.Engine;
import org.strata.engine.backend.NetworkBackend;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.EmbeddingLayer;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.params.Params;

/**
 * Measures on this machine how long one forward pass of one sample takes, at random weights and on a random sample
 * of the Input's shape (token indices below the vocabulary where the Input feeds an Embedding): what {@code strata
 * summary --measure} prints beside the FLOPs the analysis counts, to turn them into a time.
 */
public final class ForwardTiming {
    private ForwardTiming() {
    }

    /**
     * @param seconds the fastest of the passes timed, in seconds
     * @param passes  how many passes were timed (after one that builds the engine's plan, not timed)
     * @param engine  the engine that ran them
     */
    public record Result(double seconds, int passes, Engine engine) {
    }

    /**
     * Builds the network (without an optimizer's state: measuring trains nothing), runs one pass to build its plan,
     * then times {@code passes} passes.
     *
     * @throws TrainingException when the network is too large to build here, naming the memory it needs
     */
    public static Result measure(Graph g, Analysis a, Params training, int passes) throws TrainingException {
        Params settings = training.copy();
        settings.set("optimizer", "sgd");
        NetworkMemory.checkBuild("the network", g, a, settings);
        NetworkBackend net = Backends.compile(g, a, settings);
        INDArray x = sample(g, a);
        net.predictValues(x);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < passes; i++) {
            long start = System.nanoTime();
            net.predictValues(x);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return new Result(best, passes, net.engine());
    }

    /** @return one sample of the Input's shape, batch first (a valid graph has one Input: the analysis says so) */
    static INDArray sample(Graph g, Analysis a) {
        Node input = g.inputNodes().get(0);
        TensorShape s = a.shapeOf(input.id()).orElseThrow();
        long[] shape = new long[s.dims().length + 1];
        shape[0] = 1;
        for (int i = 0; i < s.dims().length; i++) shape[i + 1] = s.dim(i);
        Nd4j.getRandom().setSeed(42);
        INDArray x = Nd4j.rand(DataType.FLOAT, shape);
        Optional<Integer> vocabulary = g.outgoing(input.id()).stream().map(e -> g.require(e.to().node()))
                .filter(n -> n.type() instanceof EmbeddingLayer).map(n -> n.params().getInt("vocabulary"))
                .min(Integer::compare);
        if (vocabulary.isEmpty()) return x.subi(0.5).muli(2);
        return Transforms.floor(x.muli(vocabulary.get() - 0.01), false); // whole numbers below the vocabulary
    }
}
