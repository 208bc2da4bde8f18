package org.strata.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.Samples;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;

/**
 * A run trains a copy of the graph taken when it starts: editing the document's graph afterwards (a layer's
 * activation, say, which keeps the weights' shapes) must not change what the trained network computes.
 */
class RunGraphCopyTest {
    @Test
    void editing_a_layer_after_the_run_does_not_change_the_trained_networks_predictions() throws Exception {
        Project project = ProjectFile.load(Samples.file("xor"));
        project.training().set("epochs", 2);
        TrainingSession s = TrainingSession.create(project);
        s.run();
        float[] x = {0.5f, -0.25f};
        float[] before = s.probe(net -> net.predictValues(Nd4j.create(x, 1, 2))).get();

        // The user edits the layer in the window after the run; batch sizes not seen yet build new plans then.
        project.graph().require("hidden").params().set("activation", "relu");
        project.graph().require("hidden").params().set("units", 3);
        float[] after = s.probe(net -> net.predictValues(Nd4j.create(x, 1, 2))).get();
        float[] batchAfter = s.probe(net -> net.predictValues(Nd4j.create(new float[]{0.5f, -0.25f, 1, 1}, 2, 2)))
                .get();

        assertArrayEquals(before, after, 0f);
        assertArrayEquals(before, java.util.Arrays.copyOf(batchAfter, before.length), 1e-6f);
        assertNotSame(project.graph(), s.project().graph());
        assertEquals("tanh", s.project().graph().require("hidden").params().getString("activation"));
    }
}
