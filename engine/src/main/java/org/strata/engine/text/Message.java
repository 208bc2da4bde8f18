package org.strata.engine.text;

import java.util.List;

/**
 * A sentence the engine says to a user (a run's state, why a graph trains on Deeplearning4j, why a run failed, why
 * a dataset cannot be read): its English text, and a stable code with the values it names, so that a user
 * interface can say it in another language, as {@link org.strata.engine.analysis.Problem} does for the validator.
 * A value may itself be a Message (the engine inside "Training X with …").
 *
 * @param code    one of {@link #CODES}, or null for a text that has only its English form (an error from a library)
 * @param args    the values the text names, in a fixed order per code
 * @param english the text in English, as the command line prints it
 */
public record Message(String code, List<Object> args, String english) {
    /** Every code, with the number of values it carries. */
    public static final java.util.Map<String, Integer> CODES = java.util.Map.ofEntries(
            java.util.Map.entry("run.started", 2),           // project name, engine (Message)
            java.util.Map.entry("engine.cpu", 3),            // engine name (Message), native build, threads
            java.util.Map.entry("engine.cpu.measuring", 2),  // engine name (Message), native build
            java.util.Map.entry("engine.gpu", 2),            // engine name (Message), device
            java.util.Map.entry("engine.fast", 0),
            java.util.Map.entry("engine.dl4j", 0),
            java.util.Map.entry("engine.dl4j.because", 1),   // why (Message)
            java.util.Map.entry("threads.chosen", 3),        // project name, engine (Message), counts measured
            java.util.Map.entry("threads.changed", 3),       // project name, engine (Message), counts measured
            java.util.Map.entry("run.paused", 1),            // iteration
            java.util.Map.entry("run.resumed", 0),
            java.util.Map.entry("run.finished", 1),          // epochs
            java.util.Map.entry("run.tooLarge", 4),          // memory needed, memory there, largest layer, batch
            java.util.Map.entry("model.tooLarge", 4),        // file, memory needed, memory there, largest layer
            java.util.Map.entry("run.diverging", 3),         // epoch, times the first epoch's loss, learning rate
            java.util.Map.entry("run.atChance", 4),          // accuracy, epochs, classes, learning rate
            java.util.Map.entry("run.stopped", 2),           // epoch, batch
            java.util.Map.entry("run.stoppedEarly", 2),      // epoch, best epoch
            java.util.Map.entry("run.failed", 1),            // the library's message
            java.util.Map.entry("run.outOfMemory", 0),
            java.util.Map.entry("loss.nan", 6),              // loss, epoch, batch, layer name, layer type, learning rate
            java.util.Map.entry("loss.exploded", 7),         // … as loss.nan, then the largest output
            java.util.Map.entry("data.inputSize", 5),        // Input shape, its size, dataset, sample shape, size
            java.util.Map.entry("data.classes", 2),          // Output width, classes
            java.util.Map.entry("data.twoClasses", 2),       // Output width, classes (2)
            java.util.Map.entry("data.regressionLoss", 1),   // loss
            java.util.Map.entry("data.regressionAccuracy", 0),
            java.util.Map.entry("data.oneClass", 1),         // the one class
            java.util.Map.entry("data.targets", 2),          // Output width, targets
            java.util.Map.entry("data.vocabulary", 4),       // Embedding name, its vocabulary, dataset, tokens
            java.util.Map.entry("data.perStepOutput", 2),    // Output steps, dataset
            java.util.Map.entry("data.perStepLabels", 2),    // dataset, positions with a label
            java.util.Map.entry("data.labelSteps", 3),       // Output steps, dataset, positions with a label
            java.util.Map.entry("data.stepClasses", 2),      // Output values per step, classes
            java.util.Map.entry("fast.ports", 0),
            java.util.Map.entry("fast.layer", 1),            // layer type
            java.util.Map.entry("fast.activation", 1),       // activation
            java.util.Map.entry("fast.softmax", 0),
            java.util.Map.entry("fast.loss", 2),             // loss, the activation it needs before it
            java.util.Map.entry("fast.chosen", 0),
            java.util.Map.entry("dataset.none", 1),                   // project name
            java.util.Map.entry("dataset.notSet", 1),       // the dataset setting: owner.name ("dataset.csv.path")
            java.util.Map.entry("dataset.folderNotSet", 1), // the same, for a folder
            java.util.Map.entry("dataset.noTrainingSamples", 1),      // dataset
            java.util.Map.entry("dataset.corpus.tooShort", 3),        // corpus, training tokens, tokens a window needs
            java.util.Map.entry("dataset.corpus.noLines", 2),         // corpus, tokens a window needs
            java.util.Map.entry("dataset.corpus.vocabularyTooSmall", 4), // corpus, characters, least size, size
            java.util.Map.entry("dataset.corpus.noFiles", 1),         // folder
            java.util.Map.entry("dataset.unseenLabel.validation", 2), // dataset, label
            java.util.Map.entry("dataset.unseenLabel.test", 2),       // dataset, label
            java.util.Map.entry("dataset.unknownClass", 3),           // dataset, label, the model's classes
            java.util.Map.entry("dataset.fileNotFound", 1),           // file
            java.util.Map.entry("dataset.csv.noColumn", 3),           // file, label column, the header's columns
            java.util.Map.entry("dataset.csv.empty", 1),              // file
            java.util.Map.entry("dataset.csv.noRows", 1),             // file
            java.util.Map.entry("dataset.csv.cells", 4),              // file, line, cells, header cells
            java.util.Map.entry("dataset.csv.notNumber", 4),          // file, line, column, cell
            java.util.Map.entry("dataset.text.noColumn", 3),          // file, column, the header's columns
            java.util.Map.entry("dataset.encoding.undecodable", 5),   // file, line, column, byte, encoding
            java.util.Map.entry("dataset.encoding.bom", 2),           // file, encoding
            java.util.Map.entry("dataset.encoding.unknown", 1),       // encoding
            java.util.Map.entry("dataset.text.noText", 3),            // file, line, text column
            java.util.Map.entry("dataset.text.noLabel", 3),           // file, line, label column
            java.util.Map.entry("dataset.text.openQuote", 2),         // file, line
            java.util.Map.entry("dataset.series.noColumn", 3),        // file, column, the header's columns
            java.util.Map.entry("dataset.series.short", 4),           // file, values, window, horizon
            java.util.Map.entry("dataset.images.noFolder", 1),        // folder
            java.util.Map.entry("dataset.images.classFolders", 2),    // folder, subfolders found
            java.util.Map.entry("dataset.images.none", 1),            // class folder
            java.util.Map.entry("dataset.images.notImage", 1),        // file
            java.util.Map.entry("dataset.images.tooLarge", 3),        // file, its width×height, the most pixels
            java.util.Map.entry("data.outOfMemory", 0),
            java.util.Map.entry("data.tooLarge", 3),                  // dataset, sizes = numbers, the most that fit
            java.util.Map.entry("input.notFound", 1),                 // file
            java.util.Map.entry("input.folder", 1),                   // the folder given where a file is read
            java.util.Map.entry("input.special", 1),                  // the pipe, device or socket given
            java.util.Map.entry("import.notFound", 1),                // file
            java.util.Map.entry("import.notWeights", 2),              // file, why
            java.util.Map.entry("import.mismatch", 2),                // file, the array that does not fit
            java.util.Map.entry("import.normalisation", 2),           // file, project name
            java.util.Map.entry("import.metrics", 2),                 // file, why
            java.util.Map.entry("import.diverged", 2),                // file, the NaN figure and where
            java.util.Map.entry("import.vocabulary", 2),              // file, why
            java.util.Map.entry("import.disagrees", 4),               // file, split, Strata's loss, PyTorch's loss
            java.util.Map.entry("generate.notLanguageModel", 1),      // project name
            java.util.Map.entry("generate.temperature", 1),           // temperature given
            java.util.Map.entry("generate.topK", 1),                  // top-k given
            java.util.Map.entry("generate.topP", 1),                  // top-p given
            java.util.Map.entry("generate.tokens", 2),                // tokens asked for, the most
            java.util.Map.entry("generate.emptyPrompt", 0),
            java.util.Map.entry("scale.large", 2),                    // parameters, the 100-million line
            java.util.Map.entry("scale.notLarge", 3),                 // parameters, percent of the line, the line
            java.util.Map.entry("scale.memory.run", 3),               // total, weights, outputs
            java.util.Map.entry("scale.memory.train", 6),   // batch, optimizer, total, weights+grads, state, outputs
            java.util.Map.entry("scale.flops", 5),  // unit (Message), forward, ratio to 2×params, training, passes
            java.util.Map.entry("scale.tokens", 2),                   // count, unit (Message)
            java.util.Map.entry("scale.tokens.default", 2),           // count (20 per parameter), unit (Message)
            java.util.Map.entry("scale.tokens.rule", 2),              // count (20 per parameter), unit (Message)
            java.util.Map.entry("scale.measured", 3),                 // seconds, engine, FLOP/s
            java.util.Map.entry("scale.train.here", 1),               // duration
            java.util.Map.entry("scale.notMeasured", 0),
            java.util.Map.entry("scale.samples.none", 0),
            java.util.Map.entry("scale.train.gpu", 3),                // duration, peak FLOP/s, share used
            java.util.Map.entry("scale.duration.ms", 1),              // the number (a duration's, in its unit)
            java.util.Map.entry("scale.duration.s", 1),
            java.util.Map.entry("scale.duration.min", 1),
            java.util.Map.entry("scale.duration.h", 1),
            java.util.Map.entry("scale.duration.days", 1),
            java.util.Map.entry("scale.duration.years", 1),
            java.util.Map.entry("scale.unit.token", 0),
            java.util.Map.entry("scale.unit.tokens", 0),
            java.util.Map.entry("scale.unit.sample", 0),
            java.util.Map.entry("scale.unit.samples", 0));

    public Message {
        args = List.copyOf(args);
        Integer carries = code == null ? Integer.valueOf(0) : CODES.get(code);
        if (carries == null) throw new IllegalArgumentException("unknown code " + code);
        if (code != null && carries != args.size()) {
            throw new IllegalArgumentException(code + " carries " + carries + " values, not " + args.size());
        }
    }

    /** A text with a code from {@link #CODES} and its values. */
    public static Message of(String code, String english, Object... args) {
        return new Message(code, List.of(args), english);
    }

    /** A text that has only its English form. */
    public static Message plain(String english) {
        return new Message(null, List.of(), english);
    }

    @Override
    public String toString() {
        return english;
    }
}
