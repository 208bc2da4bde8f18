package org.strata.engine.export.pytorch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.strata.engine.export.escape.PythonText;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.project.AtomicFiles;

/**
 * A language model's {@code generate.py}: the prompt continued as {@code strata generate} continues it (the same
 * tokens, windows, temperature, top-k, top-p and, through Java's random numbers, the same draws for a seed), with
 * the network of {@code model.py} and the tokens of {@code vocabulary.json}, written beside them.
 */
final class PyTorchGenerate {
    private PyTorchGenerate() {
    }

    /** @return whether {@code model} is a language model, which gets a generate.py */
    static boolean applies(TrainedModel model) {
        return org.strata.engine.generate.Generator.refusal(model).isEmpty();
    }

    /** Writes generate.py and vocabulary.json (its tokenizer, tokens and merges) into {@code dir}. */
    static void write(TrainedModel model, Path dir, String version) throws IOException {
        // the project's text enters the file only escaped; the tokens stay in vocabulary.json, read as data
        AtomicFiles.write(dir.resolve("generate.py"), PyTorchTraining.fill("generate.py.template", Map.of(
                "PROJECT", PythonText.docstring(model.project().name()), "VERSION", PythonText.docstring(version),
                "FROM_LINE_START", org.strata.engine.generate.ContextWindow.fromLineStart(model.project())
                        ? "True" : "False")));
        AtomicFiles.write(dir.resolve("vocabulary.json"), model.text().orElseThrow().toJson());
    }
}
