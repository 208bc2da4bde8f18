package org.strata.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.Samples;
import org.strata.engine.data.DatasetException;
import org.strata.engine.model.FloatArray;
import org.strata.engine.model.OptimizerState;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;

/** A network built from a plain trained model: the model's weights, its normalisation, its optimizer's state. */
class ModelNetworkTest {
    @Test
    void a_model_taken_from_a_network_predicts_as_that_network_on_raw_samples() throws Exception {
        TrainingSession s = Samples.trained("iris", 2);
        TrainedModel model = TrainedModels.of(s, 2);
        float[][] raw = {{5.1f, 3.5f, 1.4f, 0.2f}, {6.7f, 3.0f, 5.2f, 2.3f}};
        float[][] normalised = model.normalise(raw);
        INDArray x = Nd4j.create(normalised);
        ModelNetwork built = ModelNetwork.of(model);
        assertArrayEquals(x.shape(), built.inputs(raw).shape());
        assertTrue(s.backend().predict(x).equalsWithEps(Nd4j.create(built.predict(raw)), 1e-6));
        assertEquals(List.copyOf(s.backend().exportParameters().keySet()), List.copyOf(model.weights().keySet()),
                "weights in export order");
        assertTrue(s.backend().optimizerState().equalsWithEps(built.network().optimizerState(), 1e-6),
                "the optimizer's state goes on where it was trained");
        assertSame(s.analysis(), model.analysis(), "the session's analysis, passed along, not made again");
    }

    @Test
    void optimizer_state_from_another_engine_is_left_out() throws Exception {
        TrainingSession s = Samples.trained("iris", 2);
        TrainedModel trained = TrainedModels.of(s, 2);
        INDArray fresh = ModelNetwork.of(new TrainedModel(trained.project(), trained.analysis(), trained.weights(),
                OptimizerState.none(trained.optimizer().engine()), trained.classNames(), trained.shift(),
                trained.scale(), 2, Optional.empty())).network().optimizerState();
        TrainedModel other = new TrainedModel(trained.project(), trained.analysis(), trained.weights(),
                new OptimizerState("another engine", trained.optimizer().state()), trained.classNames(),
                trained.shift(), trained.scale(), 2, Optional.empty());
        assertTrue(trained.optimizer().state().size() > 0 && !trained.optimizer().isEmpty(), "Adam keeps a state");
        assertTrue(fresh.equalsWithEps(ModelNetwork.of(other).network().optimizerState(), 0),
                "a state another engine wrote means nothing here");
    }

    @Test
    void a_network_too_large_for_this_machine_is_refused_before_it_is_built() throws Exception {
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(Files.readString(Samples.file("iris")));
        for (var n : root.get("graph").get("nodes")) {
            ObjectNode params = (ObjectNode) n.get("params");
            if (n.get("id").asText().equals("input")) params.put("size", 200_000);
            if (n.get("id").asText().equals("hidden")) params.put("units", 200_000);
        }
        Project huge = ProjectFile.parse(root.toString());
        // no weights at all: were it built, importing them would fail instead
        TrainedModel model = TrainedModel.of(huge, Map.<String, FloatArray>of(), OptimizerState.none(""),
                List.of("a", "b", "c"), new float[200_000], new float[200_000], 1, Optional.empty());
        var e = assertThrows(DatasetException.class, () -> ModelNetwork.of(model, "big.zip",
                Backends.Preference.AUTO));
        assertTrue(e.getMessage().startsWith("big.zip: building its network takes at least"), e.getMessage());
    }
}
