package org.strata.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.Graphs;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.graph.Graph;
import org.strata.engine.project.TrainingSettings;
import org.strata.engine.train.dl4j.Dl4jCompiler;

class Dl4jCompilerSmokeTest {
    @Test
    void compiled_cnn_has_the_analyzers_parameter_count_and_fits_a_batch() {
        Graph g = Graphs.cnn();
        Analysis a = GraphAnalyzer.analyze(g);
        assertTrue(a.isValid(), a.problems().toString());
        ComputationGraph cg = Dl4jCompiler.compile(g, a, TrainingSettings.defaults()).graph();
        assertEquals(a.totalParams(), cg.numParams());
        var x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 8, 28, 28, 1);
        var y = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 8, 10);
        for (int i = 0; i < 8; i++) y.putScalar(i, i % 10, 1);
        cg.fit(new DataSet(x, y));
        assertTrue(Double.isFinite(cg.score()));
        assertEquals(10, cg.outputSingle(x).size(1));
    }
}
