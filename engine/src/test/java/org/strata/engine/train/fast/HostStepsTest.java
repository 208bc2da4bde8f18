package org.strata.engine.train.fast;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.graph.Graph;

/**
 * Every gradient-checked graph with the steps computed in Java (recurrent cells, attention's products per head,
 * layer normalisation, tanh, σ and GELU, the embedding's gradient; the CPU's way, which {@link FastGradientTest}
 * checks against finite differences and Deeplearning4j) and with libnd4j's ops alone (the way of other backends,
 * CUDA) gives the same outputs and gradients, so that neither way goes untested on a machine without a GPU.
 */
class HostStepsTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.strata.engine.train.fast.FastGradientTest#graphs")
    void java_steps_compute_what_the_libnd4j_ops_compute(String name, Graph g) {
        Analysis a = GraphAnalyzer.analyze(g);
        INDArray[] b = FastGradientTest.batch(a, g, 8);
        FastNetwork java = new FastNetwork(g, a, FastGradientTest.settings());
        Map<String, INDArray> initial = java.exportParameters();
        java.predict(b[0]);
        java.computeGradient(b[0], b[1]);
        collectGarbage(); // ND4J frees the memory of an array nothing refers to, views too: the plans must hold theirs
        java.importParameters(initial); // batch norm's running statistics moved
        INDArray predictedInJava = java.predict(b[0]);
        double lossJava = java.computeGradient(b[0], b[1]);
        Map<String, INDArray> mine = java.exportGradients();
        FastNetwork ops = new FastNetwork(g, a, FastGradientTest.settings());
        ops.importParameters(initial);
        boolean was = HostSteps.enable(false); // plans are built on first use: predict and computeGradient build them
        INDArray predictedByOps;
        double lossOps;
        Map<String, INDArray> theirs;
        try {
            predictedByOps = ops.predict(b[0]);
            lossOps = ops.computeGradient(b[0], b[1]);
            theirs = ops.exportGradients();
        } finally {
            HostSteps.enable(was);
        }
        assertTrue(predictedInJava.equalsWithEps(predictedByOps, 1e-5), name + ": predictions");
        assertTrue(Math.abs(lossJava - lossOps) < 1e-5, name + ": loss " + lossJava + " vs " + lossOps);
        int compared = 0;
        for (var e : mine.entrySet()) {
            double scale = Math.max(1e-3, theirs.get(e.getKey()).amaxNumber().doubleValue());
            double diff = e.getValue().sub(theirs.get(e.getKey())).amaxNumber().doubleValue();
            assertTrue(diff <= 1e-4 * scale, name + " " + e.getKey() + ": max diff " + diff + " of " + scale);
            compared++;
        }
        assertTrue(compared > 0);
    }

    private static void collectGarbage() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(20); // ND4J's deallocator thread frees what the collector found
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
