package org.strata.engine.export.pytorch;

import org.strata.engine.export.escape.MarkdownText;
import org.strata.engine.export.escape.ShellText;
import org.strata.engine.model.TrainedModel;

/**
 * The README.md of a PyTorch export: how to load the network and its weights, the layouts that differ, how texts
 * become numbers, and how to train it in PyTorch (or why {@code data.py} and {@code train.py} are missing).
 */
final class PyTorchReadme {
    private PyTorchReadme() {
    }

    /** @param noTraining why the training files were not written (the data could not be read), or null */
    static String readme(TrainedModel model, String noTraining) {
        String name = MarkdownText.text(model.project().name());
        String file = ShellText.word(model.project().file().map(f -> f.getFileName().toString())
                .orElse("PROJECT.strata"));
        String training = noTraining != null ? """

                ## Training

                `data.py` and `train.py` were not written: the project's data could not be read when it was exported
                (%s). Export again where the data is.
                """.formatted(MarkdownText.text(noTraining)) : """

                ## Training it in PyTorch

                `data.py` reads the project's data as Strata does (the same files, normalisation and split into
                training, validation and test: `splits.npz`); `train.py` trains the network with the project's
                settings (optimizer, learning rate and schedule, batch size, epochs, weight decay, early stopping),
                from fresh weights (`--from-export` starts from the exported ones).

                ```sh
                python3 train.py                           # one process: a GPU if there is one, else the CPU
                torchrun --nproc_per_node=4 train.py       # four processes on this machine, one per GPU
                torchrun --nnodes=2 --node_rank=0 --nproc_per_node=4 --master_addr=HOST --master_port=29500 train.py
                ```

                With several processes each takes its share of every batch (`DistributedDataParallel`,
                `DistributedSampler`) and their gradients are averaged (NCCL between GPUs, Gloo between CPUs), so each
                step still sees the project's batch size. After every epoch `trained/checkpoint.pt` is saved; the same
                command run again goes on from it (`--restart` starts over). At the end `trained/weights.npz` holds
                the weights in Strata's layout and `trained/metrics.json` PyTorch's evaluation. Bring them back into
                Strata as a run of the project, checked against PyTorch's figures:

                ```sh
                strata import-weights trained/weights.npz --project %s
                ```

                The data files are looked for where the project was (`data.py`'s `PROJECT_FOLDER`); on another
                machine set `STRATA_DATA` to the folder that holds them, as laid out beside the project.
                """.formatted(file);
        return """
                # %s, for PyTorch

                Exported by Strata. `model.py` is the network as an `nn.Module`; `weights.npz` holds the trained
                weights in Strata's layouts, which `load_weights` turns into PyTorch's (and `save_weights` back).

                ```python
                import torch
                from model import Net, load_weights, normalise

                net = load_weights(Net(), "weights.npz").eval()
                x = torch.from_numpy(normalise(raw_samples, "weights.npz"))  # raw values, as the data files hold them
                with torch.no_grad():
                    y = net(x)
                ```

                Layouts: a Dense layer's `W` is `[inputs, units]` in Strata and `[units, inputs]` in PyTorch
                (transposed); a Conv2D's `W` is `[kh, kw, in, out]` in Strata and `[out, in, kh, kw]` in PyTorch; an
                LSTM's gate blocks are Strata's (block input, forget, output, input) reordered to PyTorch's (input,
                forget, cell, output), and its one bias per gate is PyTorch's two added. Tensors stay channels last
                between layers, as in Strata.
                %s%s%s""".formatted(name, text(model), generating(model), training);
    }

    /** For a language model: generate.py. */
    private static String generating(TrainedModel model) {
        if (!PyTorchGenerate.applies(model)) return "";
        return """

                ## Generating text

                `generate.py` continues a prompt as `strata generate` does: the prompt split into tokens as Strata
                split the corpus (`vocabulary.json`, byte-pair merges applied in their order), windows of the
                model's context with the prediction read after the last real token, then temperature (0 is greedy),
                top-k and top-p, and draws with Java's random numbers of the seed, so a seed writes Strata's text.

                ```sh
                python3 generate.py --prompt "TEXT" --tokens 100 --temperature 0.8 --top-k 40 --seed 1
                python3 generate.py --prompt "TEXT" --tokens 100 --temperature 0   # greedy
                ```
                """;
    }

    /** For a model of texts: how a text becomes the numbers the network reads. */
    private static String text(TrainedModel model) {
        return model.text().map(t -> """

                ## Texts

                The network reads token numbers, not text: `vocabulary.json` holds how Strata made them (%s, %s,
                %d tokens per text; `tokens[i]` is number i, `<pad>` 0 fills a short text up, `<unk>` 1 stands for a
                token not in the vocabulary). Read a new text the same way before asking the network about it.
                """.formatted(switch (t.tokenizer()) {
                    case CHARACTERS -> "split into characters";
                    case BPE -> "split into characters, then joined by the byte-pair merges in vocabulary.json, "
                            + "in their order";
                    case WORDS_AND_SPACES -> "split into words, punctuation marks and spaces";
                    case WORDS -> "split into words and punctuation marks";
                },
                t.lowercase() ? "lowercased" : "case kept", t.length())).orElse("");
    }
}
