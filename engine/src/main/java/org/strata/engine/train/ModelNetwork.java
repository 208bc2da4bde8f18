package org.strata.engine.train;

import java.io.IOException;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.backend.NetworkBackend;
import org.strata.engine.data.DatasetException;
import org.strata.engine.model.TrainedModel;

/**
 * A trained model with a network built from it, to train on or to run batches through: its weights imported, and
 * its optimizer's state where the network runs on the engine that wrote it. Build one per use (a proof, an
 * evaluation) and reuse it: compiling is the costly part.
 */
public final class ModelNetwork {
    private final TrainedModel model;
    private final NetworkBackend network;

    private ModelNetwork(TrainedModel model, NetworkBackend network) {
        this.model = model;
        this.network = network;
    }

    /** As {@link #of(TrainedModel, String, Backends.Preference)} on the engine that suits the graph. */
    public static ModelNetwork of(TrainedModel model) throws IOException {
        return of(model, "model.zip", Backends.Preference.AUTO);
    }

    /**
     * Builds {@code model}'s network on {@code engine}, after checking that this machine can hold it.
     *
     * @param what what the model is called in messages (its file's name: "model.zip")
     * @throws DatasetException when the network is too large to build here (nothing is built then)
     * @throws IOException      naming {@code what} when its weights do not fit the network
     */
    public static ModelNetwork of(TrainedModel model, String what, Backends.Preference engine) throws IOException {
        checkBuild(model, what); // before the network is built in native memory
        var project = model.project();
        NetworkBackend net = Backends.compile(project.graph(), model.analysis(), project.training(), engine);
        try {
            net.importParameters(ModelArrays.nd4j(model.weights()));
        } catch (IllegalArgumentException e) {
            throw new IOException(what + ": " + e.getMessage(), e);
        }
        // Optimizer state only means something to the engine that wrote it.
        if (!model.optimizer().isEmpty() && model.optimizer().engine().equals(net.engine().title())) {
            net.setOptimizerState(ModelArrays.nd4j(model.optimizer().state()));
        }
        return new ModelNetwork(model, net);
    }

    /**
     * Refuses a network this machine cannot build: building allocates its weights (and the optimizer's state) in
     * native memory, where running out crashes the process instead of raising an error.
     *
     * @param what what the model is called in messages (its file's name)
     * @throws DatasetException naming the memory needed, the memory there and the largest layer
     */
    public static void checkBuild(TrainedModel model, String what) throws DatasetException {
        var project = model.project();
        try {
            NetworkMemory.checkBuild(what, project.graph(), model.analysis(), project.training());
        } catch (TrainingException e) {
            throw new DatasetException(e.text());
        }
    }

    /** @return the model the network was built from */
    public TrainedModel model() {
        return model;
    }

    /** @return the network, with the model's weights */
    public NetworkBackend network() {
        return network;
    }

    /** @return raw samples as the network takes them: normalised as in training, shaped [n, the Input's dims…] */
    public INDArray inputs(float[][] raw) {
        float[][] rows = model.normalise(raw);
        int features = model.features();
        float[] flat = new float[rows.length * features];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, flat, i * features, features);
        return Nd4j.create(flat, model.batchShape(raw.length), DataType.FLOAT);
    }

    /**
     * Predicts from raw (unnormalised) samples.
     *
     * @param raw one row of input values per sample, in the Input's row-major, channels-last order
     * @return one row of predictions per sample: class probabilities, or predicted values for regression
     */
    public float[][] predict(float[][] raw) {
        INDArray p = network.predict(inputs(raw));
        return p.reshape('c', raw.length, p.length() / raw.length).toFloatMatrix(); // a class at every step: [T·K]
    }

    /** @return every node's output on raw samples, by node id (see {@link NetworkBackend#activations}) */
    public Map<String, INDArray> activations(float[][] raw) {
        return network.activations(inputs(raw));
    }
}
