package org.strata.engine.train.fast;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.graph.Graph;
import org.strata.engine.project.TrainingSettings;

/**
 * A training step in steady state allocates no arrays: everything it reads and writes was allocated with the plan.
 * Checked by the Java heap it allocates (an INDArray alone takes several hundred bytes of Java objects).
 */
class SteadyStateTest {
    /** Bytes a step may allocate on the heap: a few boxed numbers at most, never an array. */
    private static final long BYTES_PER_STEP = 64;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.strata.engine.train.fast.FastGradientTest#graphs")
    void a_training_step_allocates_nothing_once_warm(String name, Graph g) {
        Analysis a = GraphAnalyzer.analyze(g);
        FastNetwork net = new FastNetwork(g, a, TrainingSettings.defaults().set("optimizer", "adam").set("seed", 3));
        long[] shape = Plan.withBatch(8, a.shapeOf("input").orElseThrow());
        long k = a.shapeOf(g.outputNodes().get(0).id()).orElseThrow().size();
        INDArray[] in = net.trainingInputs(8);
        INDArray x = Nd4j.rand(DataType.FLOAT, shape);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 8, k);
        for (int i = 0; i < 8; i++) y.putScalar(i, i % k, 1);
        in[0].assign(x);
        in[1].assign(y);
        for (int i = 0; i < 30; i++) net.fit(in[0], in[1]);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().getId();
        int steps = 50;
        long before = threads.getThreadAllocatedBytes(me);
        for (int i = 0; i < steps; i++) net.fit(in[0], in[1]);
        long perStep = (threads.getThreadAllocatedBytes(me) - before) / steps;
        assertTrue(perStep <= BYTES_PER_STEP, name + ": a step allocated " + perStep + " bytes on the heap");
    }
}
