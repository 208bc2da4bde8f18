package org.strata.engine.project;

import java.util.List;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/** How a project trains: optimizer, learning rate and schedule, batch size, epochs, regularisation, seed. */
public final class TrainingSettings {
    /** The settings' parameter table; the inspector shows it when nothing is selected. */
    public static final ParamTable TABLE = ParamTable.of(
            ParamSpec.choice("optimizer", "Optimizer", "adam", List.of("sgd", "momentum", "adam", "adamw", "rmsprop"),
                    "How gradients become weight updates"),
            ParamSpec.real("learningRate", "Learning rate", 0.001, 1e-7, 10.0, "Step size of each update"),
            ParamSpec.real("momentum", "Momentum", 0.9, 0.0, 0.9999, "Fraction of the previous step kept")
                    .when("optimizer", "momentum"),
            ParamSpec.choice("schedule", "Schedule", "constant", List.of("constant", "step", "exponential", "cosine"),
                    "How the learning rate changes over epochs"),
            ParamSpec.real("decayRate", "Decay rate", 0.5, 0.0, 1.0,
                    "step: multiply by this every 'decay every' epochs; exponential: multiply by this each epoch")
                    .when("schedule", "step", "exponential"),
            ParamSpec.integer("decayEvery", "Decay every", 5, 1, 10_000, "Epochs between step decays")
                    .when("schedule", "step"),
            ParamSpec.integer("batchSize", "Batch size", 64, 1, 65_536, "Samples per gradient step"),
            ParamSpec.integer("epochs", "Epochs", 5, 1, 100_000, "Passes over the training data"),
            ParamSpec.real("weightDecay", "Weight decay", 0.0, 0.0, 1.0,
                    "L2 penalty on weights (decoupled for adamw)"),
            ParamSpec.bool("earlyStopping", "Early stopping", false,
                    "Stop when the validation loss has not improved for 'patience' epochs, keeping the best weights"),
            ParamSpec.integer("patience", "Patience", 3, 1, 1000, "Epochs without improvement before stopping")
                    .when("earlyStopping", "true"),
            ParamSpec.integer("seed", "Training seed", 42, 0, Integer.MAX_VALUE,
                    "Seed for the first weights, dropout and the order of batches"))
            .ownedBy("training");

    private TrainingSettings() {
    }

    /** @return a fresh set of default settings */
    public static Params defaults() {
        return TABLE.defaults();
    }
}
