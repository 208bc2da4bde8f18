package org.strata.engine.export.pytorch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.data.Dataset;
import org.strata.engine.data.DatasetLoader;
import org.strata.engine.export.Exporters;
import org.strata.engine.export.LayerInputs;
import org.strata.engine.export.escape.PythonNames;
import org.strata.engine.export.escape.PythonText;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.layers.Weight;
import org.strata.engine.layers.WeightInit;
import org.strata.engine.model.TrainedModel;

/**
 * Writes a trained model as a small folder a PyTorch user reads without surprise: {@code model.py} (an
 * {@code nn.Module} generated from the graph, one attribute per layer named after its id ({@link PythonNames}),
 * {@code forward} in the graph's order with each tensor's shape in a comment, and {@code load_weights}, which maps
 * Strata's layouts to PyTorch's), {@code weights.npz} (the .npz export) and a {@code README.md}; a language model
 * also gets {@code generate.py} ({@link PyTorchGenerate}). Tensors stay
 * channels last between layers, as in Strata; a convolution or pooling turns them channels first and back around
 * its PyTorch call. Project text (name, ids, class names, file names) enters these files only through the escapers
 * of {@link org.strata.engine.export.escape}. What each layer type writes comes from its emitter in
 * {@link PyTorchLayers}; this class places the parts.
 */
public final class PyTorchExport {
    /**
     * Names model.py defines or uses besides Python's own ({@link PythonNames#PYTHON}): a layer named so would
     * shadow them in forward().
     */
    static final Set<String> RESERVED = Set.of("x", "math", "os", "np", "torch", "nn", "F", "gelu",
            "positional_encoding", "padding_lengths", "padding_mask", "padded_recurrent", "masked_mean", "masked_max",
            "last_of_both", "attention", "Net", "init_weights", "load_weights", "save_weights", "normalise",
            "STRATA_IDS", "net", "w", "put", "get", "shapes", "order", "blocks", "back", "unblocks", "arrays");

    private PyTorchExport() {
    }

    /**
     * Writes the folder {@code dir} (created if needed): the network and its weights, and, when the project's data
     * can be read here, {@code data.py} and {@code train.py} to train it in PyTorch (see {@link PyTorchTraining}).
     */
    public static void write(TrainedModel model, Path dir, String version) throws IOException {
        Files.createDirectories(dir);
        Exporters.npz(model, dir.resolve("weights.npz"));
        org.strata.engine.project.AtomicFiles.write(dir.resolve("model.py"),
                modelPy(model, version).getBytes(StandardCharsets.UTF_8));
        if (PyTorchGenerate.applies(model)) PyTorchGenerate.write(model, dir, version);
        String noTraining;
        try {
            // the model's classes and vocabulary: PyTorch trains and reads texts with the numbers the weights know
            Dataset data = DatasetLoader.load(model.project(), model.readAs());
            PyTorchTraining.write(model, data, dir, version);
            noTraining = null;
        } catch (IOException e) {
            // the network still leaves: only training it in PyTorch needs the data
            noTraining = e.getMessage();
        }
        org.strata.engine.project.AtomicFiles.write(dir.resolve("README.md"),
                PyTorchReadme.readme(model, noTraining).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the Python name of each layer (not the Input, which is x): see {@link PythonNames} */
    static PythonNames names(Graph g, Analysis a) {
        String input = g.inputNodes().get(0).id();
        return new PythonNames(a.order().stream().filter(id -> !id.equals(input)).toList(), RESERVED);
    }

    /**
     * @return model.py: each layer's module, forward line and weight mapping as its type's emitter in
     * {@link PyTorchLayers} returns them, placed in the module's template
     */
    static String modelPy(TrainedModel model, String version) {
        Graph g = model.project().graph();
        Analysis a = model.analysis();
        Node input = g.inputNodes().get(0);
        StringBuilder init = new StringBuilder();
        StringBuilder fwd = new StringBuilder();
        StringBuilder load = new StringBuilder();
        StringBuilder save = new StringBuilder();
        StringBuilder fresh = new StringBuilder();
        Map<String, String> var = new HashMap<>();
        var.put(input.id(), "x");
        String result = "x";
        org.strata.engine.analysis.PaddingMasks padding = org.strata.engine.analysis.PaddingMasks.of(g, a);
        PythonNames names = names(g, a);
        StringBuilder ids = new StringBuilder();
        StringBuilder ties = new StringBuilder();
        for (String id : a.order()) {
            Node n = g.require(id);
            if (n == input) continue;
            LayerInputs wired = LayerInputs.of(g, a, n);
            List<String> ins = wired.from().stream().map(var::get).toList();
            TensorShape out = a.shapeOf(id).orElseThrow();
            String name = names.name(id);
            String paddedBy = padding.ofInput(id).map(names::name).orElse(null);
            PyTorchLayer layer = emitter(n).emit(new PyTorchNode(n, name, ins, wired.shapes(), out, g, paddedBy));
            init.append(lines(layer.modules(), "        "));
            load.append(lines(layer.load(), "    "));
            save.append(lines(layer.save(), "    "));
            fresh.append(initLines(n, name, a.weightsOf(id), layer));
            String expr = layer.forward();
            // the layer's own id beside its name, where the name is not the id
            fwd.append("        ").append(name).append(" = ").append(expr).append("  # ").append(shape(out))
                    .append(name.equals(id) ? "" : ", layer " + PythonText.comment(id)).append('\n');
            ids.append("    ").append(PythonText.literal(name)).append(": ").append(PythonText.literal(id))
                    .append(",\n");
            if (padding.carriedBy(id).filter(id::equals).isPresent()) { // an Embedding marking padding
                fwd.append(line("%s__lengths = padding_lengths(%s)  # [batch]: real steps, token 0 pads", name,
                        ins.get(0)));
                fwd.append(line("%s__mask = padding_mask(%s__lengths, %d)  # [batch, %d]", name, name, out.dim(0),
                        out.dim(0)));
            }
            var.put(id, name);
            result = name;
            // after every module exists: nn.Linear's weight [units, inputs] is E [vocabulary, dimension] itself
            a.tiedEmbedding(id).ifPresent(e -> ties.append(line("self.%s.weight = self.%s.weight  # tied: W = Eᵀ, "
                    + "one parameter", name, names.name(e))));
        }
        init.append(ties);
        String dims = shape(a.shapeOf(input.id()).orElseThrow());
        return """
                \"\"\"%s — exported by Strata %s.

                The network as PyTorch modules: one attribute per layer, named after its id in Strata (STRATA_IDS
                gives each name's id), and forward() in the graph's order with each tensor's shape. Input: %s, normalised as in training
                ((x - shift) * scale, the arrays %s/shift and %s/scale of weights.npz); images are channels last
                ([batch, height, width, channels]) as in Strata. Output: %s.

                    net = Net(); load_weights(net, "weights.npz"); net.eval()
                \"\"\"
                import math
                import os

                import numpy as np
                import torch
                from torch import nn
                import torch.nn.functional as F

                # Each layer's name here and its id in Strata (weights.npz names its arrays "<id>/<array>")
                STRATA_IDS = {
                %s}


                def gelu(x):
                    \"\"\"Deeplearning4j's GELU, which Strata's engines use: the sigmoid approximation x * sigmoid(1.702 x).\"\"\"
                    return x * torch.sigmoid(1.702 * x)


                def positional_encoding(steps, features):
                    \"\"\"Each step's position as sines (even features) and cosines (odd ones), Vaswani et al.\"\"\"
                    t = torch.arange(steps, dtype=torch.float64)[:, None]
                    angle = t / torch.pow(10000.0, torch.arange(0, features, 2, dtype=torch.float64) / features)
                    table = torch.zeros(steps, features, dtype=torch.float64)
                    table[:, 0::2] = torch.sin(angle)
                    table[:, 1::2] = torch.cos(angle[:, :features // 2])
                    return table.float()


                def padding_lengths(tokens):
                    \"\"\"Each sample's real steps: up to its last non-zero token (token 0 pads), at least one.\"\"\"
                    steps = torch.arange(1, tokens.shape[1] + 1, device=tokens.device)
                    return ((tokens != 0) * steps).amax(dim=1).clamp(min=1)


                def padding_mask(lengths, steps):
                    \"\"\"1.0 for a real step, 0.0 for padding: [batch, steps].\"\"\"
                    return (torch.arange(steps, device=lengths.device)[None, :] < lengths[:, None]).float()


                def padded_recurrent(module, x, lengths, sequences):
                    \"\"\"A recurrent module over each sample's real steps (PyTorch's packed sequences): every step's h, zeros
                    on padding, or the last h of each direction (the backward one's at the start) side by side.\"\"\"
                    packed = nn.utils.rnn.pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=False)
                    y, h = module(packed)
                    if sequences:
                        return nn.utils.rnn.pad_packed_sequence(y, batch_first=True, total_length=x.shape[1])[0]
                    h = h[0] if isinstance(h, tuple) else h  # an LSTM's (h, c)
                    return torch.cat(list(h), dim=1)


                def masked_mean(x, mask):
                    \"\"\"The mean over the real steps of x [batch, T, F].\"\"\"
                    return (x * mask[:, :, None]).sum(dim=1) / mask.sum(dim=1, keepdim=True)


                def masked_max(x, mask):
                    \"\"\"The largest value over the real steps of x [batch, T, F].\"\"\"
                    return (x + (mask[:, :, None] - 1) * 1e9).amax(dim=1)


                def last_of_both(y, units):
                    \"\"\"A bidirectional layer's last h of each reading: the forward one's at the last step, the backward
                    one's at the first (where it ends), side by side.\"\"\"
                    return torch.cat([y[:, -1, :units], y[:, 0, units:]], dim=1)


                def attention(x, q, k, v, o, heads, key_size, causal, mask=None):
                    \"\"\"Multi-head self-attention as Strata computes it: softmax(Q K^T / sqrt(key_size)) V per head, the heads
                    side by side, projected back to x's width; causal lets step t look at steps up to t only, and with
                    a padding mask no step looks at padding.\"\"\"
                    b, t, _ = x.shape
                    split = lambda a: a.view(b, t, heads, key_size).transpose(1, 2)
                    scores = split(q(x)) @ split(k(x)).transpose(-2, -1) / math.sqrt(key_size)
                    if causal:
                        scores = scores.masked_fill(torch.ones(t, t, dtype=torch.bool, device=x.device).triu(1), -1e9)
                    if mask is not None:
                        scores = scores + (mask[:, None, None, :] - 1) * 1e9
                    mixed = torch.softmax(scores, dim=-1) @ split(v(x))
                    return o(mixed.transpose(1, 2).reshape(b, t, heads * key_size))


                class Net(nn.Module):
                    def __init__(self):
                        super().__init__()
                %s        init_weights(self)

                    def forward(self, x):  # x: %s
                %s        return %s


                def init_weights(net):
                    \"\"\"Fresh weights as Strata draws them, with each layer's initialiser (xavier: normal with standard
                    deviation sqrt(2 / (fan in + fan out)); he: sqrt(2 / fan in); their _uniform forms: uniform on
                    ±sqrt(6 / …)); biases 0.\"\"\"
                    with torch.no_grad():
                %s        pass


                def load_weights(net, path):
                    \"\"\"Loads Strata's weights.npz into net, turning Strata's layouts into PyTorch's.\"\"\"
                    w = np.load(path)

                    def put(param, array):
                        param.data.copy_(torch.from_numpy(np.ascontiguousarray(array, dtype=np.float32)))
                %s    return net


                def save_weights(net, path, like):
                    \"\"\"Writes net's weights to path in Strata's layouts (undoing load_weights), keeping the input
                    normalisation and each array's shape from like, the exported weights.npz.\"\"\"
                    net = getattr(net, "module", net)  # a DistributedDataParallel's network
                    shapes = np.load(like)
                    w = {k: shapes[k] for k in shapes.files}

                    def get(param):
                        return param.detach().cpu().numpy()
                %s    arrays = {k: np.ascontiguousarray(v, dtype=np.float32).reshape(shapes[k].shape) for k, v in w.items()}
                    np.savez(path + ".tmp.npz", **arrays)
                    os.replace(path + ".tmp.npz", path)  # a process killed while writing leaves no half file


                def normalise(x, path):
                    \"\"\"Raw samples (as the data files hold them) to what the network takes.\"\"\"
                    w = np.load(path)
                    x = np.asarray(x, dtype=np.float32)
                    flat = x.reshape(len(x), -1)
                    return ((flat - w["%s/shift"]) * w["%s/scale"]).reshape(x.shape)
                """.formatted(PythonText.docstring(model.project().name()), PythonText.docstring(version), dims,
                PythonText.docstring(input.id()), PythonText.docstring(input.id()),
                model.classNames().isEmpty() ? "the predicted values" : "class probabilities, [batch, "
                        + model.classNames().size() + "]", ids,
                init.toString(), dims, fwd, result, fresh,
                load.isEmpty() ? "    pass\n" : load.toString(), save, PythonText.inQuotes(input.id()),
                PythonText.inQuotes(input.id()));
    }

    private static String shape(TensorShape s) {
        StringBuilder b = new StringBuilder("[batch");
        for (int d : s.dims()) b.append(", ").append(d);
        return b.append(']').toString();
    }

    /** The lines of init_weights for one layer: each array it {@link PyTorchLayer#drawn draws} as Strata does. */
    private static String initLines(Node n, String name, List<Weight> weights, PyTorchLayer layer) {
        StringBuilder b = new StringBuilder();
        for (Weight w : weights) {
            String to = layer.drawn().get(w.name());
            if (to == null) continue; // PyTorch's own start is Strata's (BatchNorm's γ 1, β 0, mean 0, variance 1)
            String param = "net." + name + to;
            if (w.init() == Weight.Init.XAVIER) {
                WeightInit scheme = WeightInit.of(n.params());
                double scale = scheme.scale(w.fanIn(), w.fanOut());
                b.append(scheme.uniform()
                        ? String.format(Locale.ROOT, "        nn.init.uniform_(%s, -%.6g, %.6g)  # %s: fan in %d, fan out %d%n",
                                param, scale, scale, scheme.key(), w.fanIn(), w.fanOut())
                        : String.format(Locale.ROOT, "        nn.init.normal_(%s, 0.0, %.6g)  # %s: fan in %d, fan out %d%n",
                                param, scale, scheme.key(), w.fanIn(), w.fanOut()));
            } else {
                b.append("        nn.init.zeros_(").append(param).append(")\n");
            }
        }
        for (String zero : layer.zeroed()) b.append("        nn.init.zeros_(net.").append(name).append(zero).append(")\n");
        return b.toString();
    }

    /** @return each line indented by {@code indent}, one a line */
    private static String lines(List<String> lines, String indent) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) b.append(indent).append(l).append('\n');
        return b.toString();
    }

    /** A line of forward: two levels in. */
    private static String line(String format, Object... args) {
        return "        " + String.format(Locale.ROOT, format, args) + "\n";
    }

    /** @return the emitter of the node's type; a type without one is refused, naming the layer and why */
    private static PyTorchLayers.Emitter emitter(Node n) {
        String type = n.type().id();
        return PyTorchLayers.of(type).orElseThrow(() -> new UnsupportedOperationException(n.name() + " (" + type + ")"
                + PyTorchLayers.declined(type).map(why -> ": " + why).orElse("")));
    }
}
