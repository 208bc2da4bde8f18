package org.strata.engine.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.strata.engine.generate.Generator;
import org.strata.engine.generate.Sampling;
import org.strata.engine.model.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strata generate ZIP --prompt TEXT --tokens N [--temperature T --top-k K --top-p P --seed S]}: a language
 * model continues a prompt. Prints the prompt followed by the text written, each token as it is chosen; the tokens come from
 * the model's data, so they reach the terminal through {@link TerminalWriter}'s escaping like every other output.
 */
@Command(name = "generate", description = "Continue a prompt with a trained language model (temperature 0 = "
        + "greedy: always the most probable token).")
final class GenerateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ZIP", description = "a model.zip written by train, of a language model")
    Path modelFile;

    @Option(names = "--prompt", paramLabel = "TEXT", defaultValue = "", description = "the text to continue (empty: "
            + "start at a line break)")
    String prompt;

    @Option(names = "--tokens", paramLabel = "N", required = true, description = "how many tokens to write (1 to "
            + "10,000)")
    int tokens;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "1", description = "0 greedy, below 1 surer, "
            + "above 1 bolder (default ${DEFAULT-VALUE})")
    double temperature;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "0", description = "draw only from the K most "
            + "probable tokens (default 0: all)")
    int topK;

    @Option(names = "--top-p", paramLabel = "P", defaultValue = "1", description = "draw only from the most probable "
            + "tokens whose probability reaches P (default 1: all)")
    double topP;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "seed of the draws: the same seed "
            + "writes the same text (default ${DEFAULT-VALUE})")
    long seed;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Sampling sampling = new Sampling(temperature, topK, topP, seed); // settings refused before the model is read
        TrainedModel model = TrainedModel.load(modelFile);
        var refused = Generator.refusal(model);
        if (refused.isPresent()) {
            spec.commandLine().getErr().println("error: " + modelFile.getFileName() + ": " + refused.get().english());
            return 1;
        }
        var network = org.strata.engine.train.ModelNetwork.of(model, modelFile.getFileName().toString(),
                org.strata.engine.train.Backends.Preference.AUTO);
        var out = spec.commandLine().getOut();
        Generator g = Generator.of(network);
        // each token printed as it is chosen: what ends on the line is the Generation's whole text
        boolean spaced = !g.encoding().tokenizer().rebuildsText();
        boolean[] written = {!prompt.isEmpty()};
        out.print(prompt);
        out.flush();
        g.generate(prompt, tokens, sampling, step -> {
            String t = g.encoding().text(new int[]{step.token()});
            if (t.isEmpty()) return; // padding stands for nothing
            if (spaced && written[0]) out.print(' ');
            out.print(t);
            out.flush();
            written[0] = true;
        });
        out.println();
        return 0;
    }
}
