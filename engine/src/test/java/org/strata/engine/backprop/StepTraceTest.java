package org.strata.engine.backprop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.Samples;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.train.Backends;
import org.strata.engine.train.TrainingSession;
import org.strata.engine.train.TrainingState;
import org.strata.engine.train.fast.FastNetwork;

/**
 * A traced step holds what the fast engine computed: the gradient finite differences of its own loss give, the
 * update the optimizer made, and numbers from which the formulas work out to the engine's values.
 */
class StepTraceTest {
    /** Pauses {@code sample} before its first batch and traces that batch. */
    private static Traced traced(String sample, String optimizer) throws Exception {
        TrainingSession s = paused(sample, optimizer);
        StepTrace t = s.traceStep().get(60, TimeUnit.SECONDS).orElseThrow();
        return new Traced(s, t);
    }

    /** @return a run of {@code sample}, paused before its first batch */
    private static TrainingSession paused(String sample, String optimizer) throws Exception {
        return paused(sample, optimizer, Backends.Preference.AUTO);
    }

    /** @return a run of {@code sample} on {@code engine}, paused before its first batch */
    private static TrainingSession paused(String sample, String optimizer, Backends.Preference engine)
            throws Exception {
        Project p = ProjectFile.load(Samples.file(sample));
        p.training().set("optimizer", optimizer);
        return paused(p, engine);
    }

    /** @return a run of {@code p} on {@code engine}, paused before its first batch */
    private static TrainingSession paused(Project p, Backends.Preference engine) throws Exception {
        TrainingSession s = TrainingSession.create(p, engine);
        s.pause();
        s.start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (s.state() != TrainingState.PAUSED) {
            assertTrue(System.currentTimeMillis() < deadline, "the run never paused");
            Thread.sleep(10);
        }
        return s;
    }

    @Test
    void deeplearning4j_cannot_trace_a_step_so_none_is_trained_for_nothing() throws Exception {
        TrainingSession s = paused("xor", "sgd", Backends.Preference.DL4J);
        assertTrue(s.traceStep().get(60, TimeUnit.SECONDS).isEmpty());
        assertEquals(0, s.progress().iterations());
        s.stop();
    }

    private record Traced(TrainingSession session, StepTrace trace) {
    }

    @Test
    void the_traced_gradient_is_the_one_finite_differences_of_the_loss_give() throws Exception {
        Traced r = traced("xor", "sgd");
        StepTrace t = r.trace();
        Map<String, Double> numeric = r.session().probe(net -> {
            FastNetwork fast = (FastNetwork) net;
            INDArray x = Nd4j.create(t.features().data(), t.features().shape());
            INDArray y = Nd4j.create(t.labels().data(), t.labels().shape());
            Map<String, Double> out = new HashMap<>();
            for (String node : new String[]{"hidden", "dense"}) {
                for (String w : new String[]{"W", "b"}) {
                    for (int i = 0; i < 2; i++) out.put(node + "/" + w + "/" + i, centralDifference(fast, t, node, w,
                            i, x, y));
                }
            }
            fast.importParameters(asArrays(t.after()));
            return out;
        }).get(60, TimeUnit.SECONDS);
        r.session().stop();
        numeric.forEach((key, fd) -> {
            String[] k = key.split("/");
            double engine = t.gradient().get(k[0]).get(k[1]).data()[Integer.parseInt(k[2])];
            assertEquals(fd, engine, 2e-3 + 0.02 * Math.abs(fd), key);
        });
    }

    /** (L(w + ε) − L(w − ε)) / 2ε at the weights the step started from. */
    private static double centralDifference(FastNetwork net, StepTrace t, String node, String weight, int index,
                                            INDArray x, INDArray y) {
        double eps = 1e-2;
        double[] losses = new double[2];
        for (int side = 0; side < 2; side++) {
            Map<String, INDArray> params = asArrays(t.before());
            INDArray w = params.get(node + "/" + weight);
            w.putScalar(index, w.getDouble(index) + (side == 0 ? eps : -eps));
            net.importParameters(params);
            losses[side] = net.computeGradient(x, y);
        }
        return (losses[0] - losses[1]) / (2 * eps);
    }

    private static Map<String, INDArray> asArrays(Map<String, Map<String, Values>> weights) {
        Map<String, INDArray> out = new HashMap<>();
        weights.forEach((node, m) -> m.forEach((name, v) -> out.put(node + "/" + name,
                Nd4j.create(v.data().clone(), v.shape()))));
        return out;
    }

    @Test
    void plain_gradient_descent_moves_each_weight_by_the_learning_rate_times_its_gradient() throws Exception {
        Traced r = traced("linear-regression", "sgd");
        r.session().stop();
        StepTrace t = r.trace();
        assertEquals("sgd", t.optimizer());
        for (String w : new String[]{"W", "b"}) {
            float before = t.before().get("linear").get(w).data()[0];
            float after = t.after().get("linear").get(w).data()[0];
            float grad = t.gradient().get("linear").get(w).data()[0];
            assertTrue(grad != 0, "a weight with no gradient proves nothing");
            assertEquals(before - t.learningRate() * grad, after, 1e-6, w);
        }
        assertFalse(t.largestChanges(10).isEmpty());
        assertEquals(2, t.largestChanges(10).size());
    }

    @Test
    void the_trace_names_the_samples_of_the_batch_and_the_run_counts_the_step() throws Exception {
        Traced r = traced("xor", "adam");
        StepTrace t = r.trace();
        assertEquals(32, t.batch());
        assertEquals(32, t.samples().length);
        assertEquals(1, r.session().progress().iterations());
        // the first row's inputs are the training split's sample the trace names
        float[] first = new float[2];
        r.session().dataset().train().features(t.samples()[0], first, 0);
        assertArrayEquals(first, t.features().row(0));
        // the next traced step (measuring thread counts says so while paused: it stays paused)
        StepTrace second = r.session().traceStep().get(60, TimeUnit.SECONDS).orElseThrow();
        assertEquals(2, r.session().progress().iterations());
        assertEquals(TrainingState.PAUSED, r.session().state());
        assertArrayEquals(t.after().get("hidden").get("W").data(), second.before().get("hidden").get("W").data(),
                "a step starts from the weights the last one left");
        r.session().stop();
    }

    @Test
    void the_formulas_work_out_to_the_engine_values_for_every_unit_and_weight_of_xor() throws Exception {
        Traced r = traced("xor", "adam");
        r.session().stop();
        StepTrace t = r.trace();
        StepFormulas f = new StepFormulas(t, r.session().project().graph());
        for (int n : new int[]{0, 5, 31}) {
            for (int u = 0; u < 8; u++) {
                Worked w = f.forward("hidden", n, u).orElseThrow();
                assertEquals(w.engine(), w.value(), 1e-6, "hidden " + u + ": " + w.lines());
            }
            for (int u = 0; u < 2; u++) {
                Worked w = f.forward("dense", n, u).orElseThrow();
                assertEquals(w.engine(), w.value(), 1e-6, "dense " + u + ": " + w.lines());
                Worked g = f.lossGradient(n, u);
                assertEquals(g.engine(), g.value(), 1e-6, "loss gradient " + u + ": " + g.lines());
            }
        }
        Worked loss = f.batchLoss();
        assertEquals(loss.engine(), loss.value(), 1e-6 * Math.max(1, loss.engine()));
        for (String node : new String[]{"hidden", "dense"}) {
            for (String w : new String[]{"W", "b"}) {
                int size = t.gradient().get(node).get(w).data().length;
                for (int i = 0; i < size; i++) {
                    ChainRule c = f.chain(node, w, i, 3).orElseThrow();
                    assertEquals(c.engine(), c.batchSum(), 1e-6, node + "/" + w + "/" + i + ": " + c.lines());
                    double product = 1;
                    for (ChainRule.Factor factor : c.factors()) product *= factor.value();
                    assertEquals(c.sampleProduct(), product, 1e-12);
                }
            }
        }
        assertTrue(t.gradientsBeforeActivation().contains("dense"), "the loss's softmax takes the dense's gradient");
        assertEquals(t.outputs().get("output"), t.outputs().get("dense"), "softmax Dense shown as probabilities");
    }

    @Test
    void gelus_tanh_form_works_out_to_the_engine_values_forward_and_in_the_chain_rule() throws Exception {
        Project p = ProjectFile.load(Samples.file("xor"));
        p.graph().require("hidden").params().set("activation", "gelu_tanh");
        TrainingSession s = paused(p, Backends.Preference.AUTO);
        StepTrace t = s.traceStep().get(60, TimeUnit.SECONDS).orElseThrow();
        s.stop();
        StepFormulas f = new StepFormulas(t, p.graph());
        for (int n : new int[]{0, 5, 31}) {
            for (int u = 0; u < 8; u++) {
                Worked w = f.forward("hidden", n, u).orElseThrow();
                assertEquals(w.engine(), w.value(), 1e-6, "hidden " + u + ": " + w.lines());
                assertTrue(w.lines().get(0).contains("gelu_tanh("), w.lines().get(0));
            }
        }
        for (int i = 0; i < t.gradient().get("hidden").get("W").data().length; i++) {
            ChainRule c = f.chain("hidden", "W", i, 3).orElseThrow();
            assertEquals(c.engine(), c.batchSum(), 1e-6, "hidden/W/" + i + ": " + c.lines());
        }
    }

    @Test
    void a_mean_squared_error_step_works_out_as_the_engine_computed_it() throws Exception {
        Traced r = traced("linear-regression", "sgd");
        r.session().stop();
        StepTrace t = r.trace();
        StepFormulas f = new StepFormulas(t, r.session().project().graph());
        Worked y = f.forward("linear", 2, 0).orElseThrow();
        assertEquals(y.engine(), y.value(), 1e-6);
        assertEquals(f.batchLoss().engine(), f.batchLoss().value(), 1e-6);
        Worked g = f.lossGradient(2, 0);
        assertEquals(g.engine(), g.value(), 1e-6, g.lines().toString());
        ChainRule w = f.chain("linear", "W", 0, 2).orElseThrow();
        assertEquals(w.engine(), w.batchSum(), 1e-6);
        assertEquals(2, w.factors().size(), "∂L/∂ŷ · x for a layer without activation");
        assertTrue(w.lines().get(0).startsWith("∂L/∂w₁₁ = "), w.lines().get(0));
    }

    @Test
    void numbers_read_as_a_teacher_writes_them() {
        assertEquals("0.4213", Numbers.of(0.42131));
        assertEquals("−1.5", Numbers.of(-1.5));
        assertEquals("(−0.2)", Numbers.factor(-0.2));
        assertEquals("3.200e−7", Numbers.of(3.2e-7));
        assertEquals("₁₂", Numbers.sub(0, 1));
        assertEquals("₁₀,₁", Numbers.sub(9, 0));
    }

    @Test
    void a_convolution_s_output_and_weight_gradients_work_out_to_the_engine_values() throws Exception {
        Traced r = traced("mnist-cnn", "adam");
        r.session().stop();
        StepTrace t = r.trace();
        StepFormulas f = new StepFormulas(t, r.session().project().graph());
        assertTrue(t.gradientsBeforeActivation().contains("conv1"), "its ReLU is applied after the pool");
        for (int filter : new int[]{0, 7, 31}) {
            Worked y = f.forward("conv1", 2, filter).orElseThrow();
            assertEquals(y.engine(), y.value(), 1e-6, y.lines().toString());
        }
        for (int index : new int[]{0, 100, 287}) { // W is [3, 3, 1, 32]
            ChainRule c = f.chain("conv1", "W", index, 2).orElseThrow();
            assertEquals(c.engine(), c.batchSum(), 1e-6 + 1e-4 * Math.abs(c.engine()), c.lines().toString());
        }
        ChainRule b = f.chain("conv1", "b", 5, 2).orElseThrow();
        assertEquals(b.engine(), b.batchSum(), 1e-6 + 1e-4 * Math.abs(b.engine()), b.lines().toString());
    }
}
