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
import org.strata.engine.export.escape.MarkdownText;
import org.strata.engine.export.escape.PythonNames;
import org.strata.engine.export.escape.PythonText;
import org.strata.engine.export.escape.ShellText;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.graph.PortRef;
import org.strata.engine.layers.ActivationFn;
import org.strata.engine.layers.Conv2DLayer;
import org.strata.engine.layers.GlobalPoolLayer;
import org.strata.engine.layers.LossFn;
import org.strata.engine.layers.Padding;
import org.strata.engine.layers.Pool2DLayer;
import org.strata.engine.layers.RecurrentLayer;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.params.Params;

/**
 * Writes a trained model as a small folder a PyTorch user reads without surprise: {@code model.py} (an
 * {@code nn.Module} generated from the graph, one attribute per layer named after its id ({@link PythonNames}),
 * {@code forward} in the graph's order with each tensor's shape in a comment, and {@code load_weights}, which maps
 * Strata's layouts to PyTorch's), {@code weights.npz} (the .npz export) and a {@code README.md}. Tensors stay
 * channels last between layers, as in Strata; a convolution or pooling turns them channels first and back around
 * its PyTorch call. Project text (name, ids, class names, file names) enters these files only through the escapers
 * of {@link org.strata.engine.export.escape}.
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
                readme(model, noTraining).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the Python name of each layer (not the Input, which is x): see {@link PythonNames} */
    static PythonNames names(Graph g, Analysis a) {
        String input = g.inputNodes().get(0).id();
        return new PythonNames(a.order().stream().filter(id -> !id.equals(input)).toList(), RESERVED);
    }

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
        for (String id : a.order()) {
            Node n = g.require(id);
            if (n == input) continue;
            LayerInputs wired = LayerInputs.of(g, a, n);
            List<String> ins = wired.from().stream().map(var::get).toList();
            List<TensorShape> shapes = wired.shapes();
            TensorShape out = a.shapeOf(id).orElseThrow();
            String name = names.name(id);
            String paddedBy = padding.ofInput(id).map(names::name).orElse(null);
            String expr = layer(n, name, ins, shapes, out, init, load, save, g, paddedBy);
            fresh.append(initLines(n, name, a.weightsOf(id)));
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
        }
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

    /** One layer: its module in __init__, its weights in load_weights; @return its expression in forward */
    /** @param paddedBy the Python name of the Embedding whose padding the input carries ({@code <pad>_mask}…), or null */
    private static String layer(Node n, String name, List<String> in, List<TensorShape> shapes, TensorShape out,
                                StringBuilder init, StringBuilder load, StringBuilder save, Graph g, String paddedBy) {
        Params p = n.params();
        String x = in.isEmpty() ? "x" : in.get(0);
        String id = PythonText.inQuotes(n.id()); // only ever between the quotes of a weights.npz key
        switch (n.type().id()) {
            case "Dense" -> {
                boolean bias = p.getBool("useBias");
                TensorShape xs = shapes.get(0);
                init.append(line("self.%s = nn.Linear(%d, %d, bias=%s)", name,
                        xs.kind() == TensorShape.Kind.SEQUENCE ? xs.channels() : xs.size(),
                        p.getInt("units"), bias ? "True" : "False"));
                load.append(fn("put(net.%s.weight, w[\"%s/W\"].T)  # Strata [inputs, units]", name, id));
                if (bias) load.append(fn("put(net.%s.bias, w[\"%s/b\"])", name, id));
                save.append(fn("w[\"%s/W\"] = get(net.%s.weight).T", id, name));
                if (bias) save.append(fn("w[\"%s/b\"] = get(net.%s.bias)", id, name));
                return activation(n.type().outputActivation(p), "self." + name + "(" + x + ")");
            }
            case "Activation" -> {
                return activation(n.type().outputActivation(p), x);
            }
            case "Dropout" -> {
                init.append(line("self.%s = nn.Dropout(%s)", name, num(p.getDouble("rate"))));
                return "self." + name + "(" + x + ")";
            }
            case "Flatten" -> {
                return x + ".flatten(1)";
            }
            case "Reshape" -> {
                StringBuilder dims = new StringBuilder();
                for (int d : out.dims()) dims.append(", ").append(d);
                return x + ".reshape(" + x + ".shape[0]" + dims + ")";
            }
            case "Add" -> {
                return String.join(" + ", in);
            }
            case "Subtract" -> {
                return in.get(0) + " - " + in.get(1);
            }
            case "Multiply" -> {
                return String.join(" * ", in);
            }
            case "Concatenate" -> {
                return "torch.cat([" + String.join(", ", in) + "], dim=-1)";
            }
            case "Conv2D" -> {
                int[] k = p.getTuple("kernel");
                int[] s = p.getTuple("stride");
                boolean bias = p.getBool("useBias");
                int[] d = p.getTuple("dilation");
                init.append(line("self.%s = nn.Conv2d(%d, %d, kernel_size=(%d, %d), stride=(%d, %d), dilation=(%d, %d), "
                        + "bias=%s)", name, shapes.get(0).dim(2), p.getInt("filters"), k[0], k[1], s[0], s[1], d[0],
                        d[1], bias ? "True" : "False"));
                load.append(fn("put(net.%s.weight, w[\"%s/W\"].transpose(3, 2, 0, 1))  # Strata [kh, kw, in, out]",
                        name, id));
                if (bias) load.append(fn("put(net.%s.bias, w[\"%s/b\"])", name, id));
                save.append(fn("w[\"%s/W\"] = get(net.%s.weight).transpose(2, 3, 1, 0)", id, name));
                if (bias) save.append(fn("w[\"%s/b\"] = get(net.%s.bias)", id, name));
                String padded = pad(x + ".permute(0, 3, 1, 2)", shapes.get(0), out, Conv2DLayer.span(k, d), s,
                        Conv2DLayer.padding(p) == Padding.SAME, "0.0");
                return activation(n.type().outputActivation(p), "self." + name + "(" + padded + ").permute(0, 2, 3, 1)");
            }
            case "DepthwiseConv2D" -> {
                int[] k = p.getTuple("kernel");
                int[] s = p.getTuple("stride");
                int c = shapes.get(0).dim(2);
                int m = p.getInt("multiplier");
                boolean bias = p.getBool("useBias");
                init.append(line("self.%s = nn.Conv2d(%d, %d, kernel_size=(%d, %d), stride=(%d, %d), groups=%d, bias=%s)",
                        name, c, c * m, k[0], k[1], s[0], s[1], c, bias ? "True" : "False"));
                load.append(fn("put(net.%s.weight, w[\"%s/W\"].transpose(2, 3, 0, 1).reshape(%d, 1, %d, %d))"
                        + "  # Strata [kh, kw, in, multiplier]", name, id, c * m, k[0], k[1]));
                if (bias) load.append(fn("put(net.%s.bias, w[\"%s/b\"])", name, id));
                save.append(fn("w[\"%s/W\"] = get(net.%s.weight).reshape(%d, %d, %d, %d).transpose(2, 3, 0, 1)", id,
                        name, c, m, k[0], k[1]));
                if (bias) save.append(fn("w[\"%s/b\"] = get(net.%s.bias)", id, name));
                String padded = pad(x + ".permute(0, 3, 1, 2)", shapes.get(0), out, k, s,
                        Conv2DLayer.padding(p) == Padding.SAME, "0.0");
                return activation(n.type().outputActivation(p), "self." + name + "(" + padded + ").permute(0, 2, 3, 1)");
            }
            case "ConvTranspose2D" -> {
                int[] k = p.getTuple("kernel");
                int[] s = p.getTuple("stride");
                boolean bias = p.getBool("useBias");
                init.append(line("self.%s = nn.ConvTranspose2d(%d, %d, kernel_size=(%d, %d), stride=(%d, %d), bias=%s)",
                        name, shapes.get(0).dim(2), p.getInt("filters"), k[0], k[1], s[0], s[1],
                        bias ? "True" : "False"));
                load.append(fn("put(net.%s.weight, w[\"%s/W\"].transpose(3, 2, 0, 1))  # Strata [kh, kw, out, in]",
                        name, id));
                if (bias) load.append(fn("put(net.%s.bias, w[\"%s/b\"])", name, id));
                save.append(fn("w[\"%s/W\"] = get(net.%s.weight).transpose(2, 3, 1, 0)", id, name));
                if (bias) save.append(fn("w[\"%s/b\"] = get(net.%s.bias)", id, name));
                // 'same' crops k − s rows and columns, half before, as Strata's engines do
                int top = org.strata.engine.layers.ConvTranspose2DLayer.cropBefore(p, 0);
                int left = org.strata.engine.layers.ConvTranspose2DLayer.cropBefore(p, 1);
                String full = "self." + name + "(" + x + ".permute(0, 3, 1, 2))";
                String cropped = Conv2DLayer.padding(p) == Padding.SAME
                        ? full + "[:, :, " + top + ":" + (top + out.dim(0)) + ", " + left + ":" + (left + out.dim(1)) + "]"
                        : full;
                return activation(n.type().outputActivation(p), cropped + ".permute(0, 2, 3, 1)");
            }
            case "Conv1D" -> {
                int k = p.getInt("kernel");
                int st = p.getInt("stride");
                boolean bias = p.getBool("useBias");
                init.append(line("self.%s = nn.Conv1d(%d, %d, kernel_size=%d, stride=%d, dilation=%d, bias=%s)", name,
                        shapes.get(0).dim(1), p.getInt("filters"), k, st, p.getInt("dilation"),
                        bias ? "True" : "False"));
                load.append(fn("put(net.%s.weight, w[\"%s/W\"].transpose(2, 1, 0))  # Strata [k, in, out]", name, id));
                if (bias) load.append(fn("put(net.%s.bias, w[\"%s/b\"])", name, id));
                save.append(fn("w[\"%s/W\"] = get(net.%s.weight).transpose(2, 1, 0)", id, name));
                if (bias) save.append(fn("w[\"%s/b\"] = get(net.%s.bias)", id, name));
                String padded = pad1d(x + ".permute(0, 2, 1)", shapes.get(0), out,
                        org.strata.engine.layers.Conv1DLayer.span(p), st, Conv2DLayer.padding(p) == Padding.SAME, "0.0");
                return activation(n.type().outputActivation(p), "self." + name + "(" + padded + ").permute(0, 2, 1)");
            }
            case "MaxPool1D", "AvgPool1D" -> {
                int k = p.getInt("pool");
                int st = p.getInt("stride");
                boolean max = ((org.strata.engine.layers.Pool1DLayer) n.type()).isMax();
                init.append(line("self.%s = nn.%s(kernel_size=%d, stride=%d)", name, max ? "MaxPool1d" : "AvgPool1d",
                        k, st));
                boolean same = Conv2DLayer.padding(p) == Padding.SAME;
                String ncw = x + ".permute(0, 2, 1)";
                String padded = pad1d(ncw, shapes.get(0), out, k, st, same, max ? "float(\"-inf\")" : "0.0");
                if (!max && !padded.equals(ncw)) { // the average of the steps inside, as for AvgPool2D
                    String inside = pad1d("torch.ones_like(" + ncw + ")", shapes.get(0), out, k, st, true, "0.0");
                    return "(self." + name + "(" + padded + ") / self." + name + "(" + inside + ")).permute(0, 2, 1)";
                }
                return "self." + name + "(" + padded + ").permute(0, 2, 1)";
            }
            case "MaxPool2D", "AvgPool2D" -> {
                int[] k = p.getTuple("pool");
                int[] s = p.getTuple("stride");
                boolean max = ((Pool2DLayer) n.type()).isMax();
                init.append(line("self.%s = nn.%s(kernel_size=(%d, %d), stride=(%d, %d))", name,
                        max ? "MaxPool2d" : "AvgPool2d", k[0], k[1], s[0], s[1]));
                // 'same' pads with -inf for max (padding never wins); an average counts only the cells inside the
                // image, as Strata's engines do: the padded average divided by the share of cells inside
                boolean same = Conv2DLayer.padding(p) == Padding.SAME;
                String nchw = x + ".permute(0, 3, 1, 2)";
                String padded = pad(nchw, shapes.get(0), out, k, s, same, max ? "float(\"-inf\")" : "0.0");
                if (!max && !padded.equals(nchw)) {
                    String inside = pad("torch.ones_like(" + nchw + ")", shapes.get(0), out, k, s, true, "0.0");
                    return "(self." + name + "(" + padded + ") / self." + name + "(" + inside
                            + ")).permute(0, 2, 3, 1)";
                }
                return "self." + name + "(" + padded + ").permute(0, 2, 3, 1)";
            }
            case "GlobalAvgPool", "GlobalMaxPool" -> {
                boolean max = ((GlobalPoolLayer) n.type()).isMax();
                if (paddedBy != null) return (max ? "masked_max(" : "masked_mean(") + x + ", " + paddedBy + "__mask)";
                String dims = shapes.get(0).kind() == TensorShape.Kind.IMAGE ? "(1, 2)" : "1";
                return x + (max ? ".amax(dim=" : ".mean(dim=") + dims + ")";
            }
            case "ZeroPadding2D" -> {
                int[] pad = p.getTuple("padding");
                // F.pad pads the last axes first: channels (none), width, height
                return "F.pad(" + x + ", (0, 0, " + pad[1] + ", " + pad[1] + ", " + pad[0] + ", " + pad[0] + "))";
            }
            case "UpSampling2D" -> {
                int[] s = p.getTuple("size");
                return x + ".repeat_interleave(" + s[0] + ", dim=1).repeat_interleave(" + s[1] + ", dim=2)";
            }
            case "LayerNorm" -> {
                init.append(line("self.%s = nn.LayerNorm(%d, eps=%s)", name, shapes.get(0).channels(),
                        num(p.getDouble("epsilon"))));
                load.append(fn("put(net.%s.weight, w[\"%s/gamma\"])", name, id));
                load.append(fn("put(net.%s.bias, w[\"%s/beta\"])", name, id));
                save.append(fn("w[\"%s/gamma\"] = get(net.%s.weight)", id, name));
                save.append(fn("w[\"%s/beta\"] = get(net.%s.bias)", id, name));
                return "self." + name + "(" + x + ")";
            }
            case "BatchNorm" -> {
                int rank = shapes.get(0).dims().length;
                int c = shapes.get(0).dims()[rank - 1];
                init.append(line("self.%s = nn.BatchNorm%dd(%d, eps=%s)", name, rank == 3 ? 2 : 1, c,
                        num(p.getDouble("epsilon"))));
                load.append(fn("put(net.%s.weight, w[\"%s/gamma\"])", name, id));
                load.append(fn("put(net.%s.bias, w[\"%s/beta\"])", name, id));
                load.append(fn("put(net.%s.running_mean, w[\"%s/mean\"])", name, id));
                load.append(fn("put(net.%s.running_var, w[\"%s/var\"])", name, id));
                for (String[] a : new String[][]{{"gamma", "weight"}, {"beta", "bias"}, {"mean", "running_mean"},
                        {"var", "running_var"}}) {
                    save.append(fn("w[\"%s/%s\"] = get(net.%s.%s)", id, a[0], name, a[1]));
                }
                return switch (rank) {
                    case 1 -> "self." + name + "(" + x + ")";
                    case 2 -> "self." + name + "(" + x + ".permute(0, 2, 1)).permute(0, 2, 1)";
                    default -> "self." + name + "(" + x + ".permute(0, 3, 1, 2)).permute(0, 2, 3, 1)";
                };
            }
            case "MultiHeadAttention" -> {
                int d = shapes.get(0).dim(1);
                int hk = p.getInt("heads") * p.getInt("keySize");
                for (String part : new String[]{"q", "k", "v", "o"}) {
                    boolean back = part.equals("o"); // the output projection, back to the input's width
                    init.append(line("self.%s__%s = nn.Linear(%d, %d)", name, part, back ? hk : d, back ? d : hk));
                    load.append(fn("put(net.%s__%s.weight, w[\"%s/W%s\"].T)", name, part, id, part));
                    load.append(fn("put(net.%s__%s.bias, w[\"%s/b%s\"])", name, part, id, part));
                    save.append(fn("w[\"%s/W%s\"] = get(net.%s__%s.weight).T", id, part, name, part));
                    save.append(fn("w[\"%s/b%s\"] = get(net.%s__%s.bias)", id, part, name, part));
                }
                return String.format(Locale.ROOT,
                        "attention(%s, self.%s__q, self.%s__k, self.%s__v, self.%s__o, %d, %d, %s%s)",
                        x, name, name, name, name, p.getInt("heads"), p.getInt("keySize"),
                        p.getBool("causal") ? "True" : "False", paddedBy == null ? "" : ", " + paddedBy + "__mask");
            }
            case "PositionEmbedding" -> {
                TensorShape s = shapes.get(0);
                init.append(line("self.%s = nn.Parameter(torch.zeros(%d, %d))", name, s.dim(0), s.dim(1)));
                load.append(fn("put(net.%s, w[\"%s/P\"])", name, id));
                save.append(fn("w[\"%s/P\"] = get(net.%s)", id, name));
                return x + " + self." + name;
            }
            case "PositionalEncoding" -> {
                TensorShape s = shapes.get(0);
                init.append(line("self.register_buffer(\"%s__table\", positional_encoding(%d, %d), persistent=False)",
                        name, s.dim(0), s.dim(1)));
                return x + " + self." + name + "__table";
            }
            case "LSTM", "GRU", "SimpleRNN" -> {
                recurrent(n.type().id(), id, name, shapes.get(0).dim(1), p, init, load, save);
                if (paddedBy != null) {
                    return String.format(Locale.ROOT, "padded_recurrent(self.%s, %s, %s__lengths, %s)", name, x, paddedBy,
                            p.getBool("returnSequences") ? "True" : "False");
                }
                return recurrentOutput(p, name, x);
            }
            case "Embedding" -> {
                init.append(line("self.%s = nn.Embedding(%d, %d)", name, p.getInt("vocabulary"),
                        p.getInt("dimension")));
                load.append(fn("put(net.%s.weight, w[\"%s/E\"])", name, id));
                save.append(fn("w[\"%s/E\"] = get(net.%s.weight)", id, name));
                return "self." + name + "(" + x + ".long())";
            }
            case "Output" -> {
                LossFn loss = LossFn.of(p);
                Node producer = g.require(g.incoming(new PortRef(n.id(), "in")).orElseThrow().from().node());
                ActivationFn before = producer.type().outputActivation(producer.params());
                return loss.alreadySquashed(before) ? x : activation(loss.squash(), x);
            }
            default -> throw new UnsupportedOperationException(n.name() + " (" + n.type().id() + ")");
        }
    }

    /** PyTorch's module for a recurrent layer, and its lines in load_weights and save_weights, per direction. */
    private static void recurrent(String type, String id, String name, int features, Params p, StringBuilder init,
                                  StringBuilder load, StringBuilder save) {
        int u = p.getInt("units");
        String module = switch (type) {
            case "LSTM" -> "LSTM";
            case "GRU" -> "GRU";
            default -> "RNN";
        };
        boolean both = p.getBool("bidirectional");
        init.append(line("self.%s = nn.%s(%d, %d, batch_first=True%s)", name, module, features, u,
                both ? ", bidirectional=True" : ""));
        if (type.equals("LSTM")) {
            // Strata's gate blocks are Deeplearning4j's: block input g, forget f, output o, input i;
            // PyTorch's are i, f, g, o
            load.append(fn("order = [3, 1, 0, 2]  # PyTorch's i, f, g, o from Strata's g, f, o, i"));
            load.append(fn("blocks = lambda a: np.concatenate([np.split(a, 4, axis=-1)[k] for k in order], "
                    + "axis=-1)"));
            save.append(fn("back = [2, 1, 3, 0]  # Strata's g, f, o, i from PyTorch's i, f, g, o"));
            save.append(fn("unblocks = lambda a: np.concatenate([np.split(a, 4, axis=-1)[k] for k in back], "
                    + "axis=-1)"));
        }
        for (String reading : both ? List.of("", RecurrentLayer.REVERSE) : List.of("")) {
            // PyTorch's arrays of the reading (weight_ih_l0, weight_ih_l0_reverse…), Strata's (W, W_reverse…)
            String ih = "net." + name + ".weight_ih_l0" + reading;
            String hh = "net." + name + ".weight_hh_l0" + reading;
            String bih = "net." + name + ".bias_ih_l0" + reading;
            String bhh = "net." + name + ".bias_hh_l0" + reading;
            String w = id + "/W" + reading;
            String r = id + "/U" + reading;
            String b = id + "/b" + reading;
            switch (type) {
                case "LSTM" -> {
                    load.append(fn("put(%s, blocks(w[\"%s\"]).T)", ih, w));
                    load.append(fn("put(%s, blocks(w[\"%s\"]).T)", hh, r));
                    load.append(fn("put(%s, blocks(w[\"%s\"]))", bih, b));
                    load.append(fn("put(%s, np.zeros(%d))  # one bias per gate in Strata", bhh, 4 * u));
                    save.append(fn("w[\"%s\"] = unblocks(get(%s).T)", w, ih));
                    save.append(fn("w[\"%s\"] = unblocks(get(%s).T)", r, hh));
                    save.append(fn("w[\"%s\"] = unblocks(get(%s) + get(%s))", b, bih, bhh));
                }
                case "GRU" -> {
                    // the same blocks r, z, n; PyTorch's recurrent biases of r and z add to the input's (one here)
                    String bh = id + "/bh" + reading;
                    load.append(fn("put(%s, w[\"%s\"].T)", ih, w));
                    load.append(fn("put(%s, w[\"%s\"].T)", hh, r));
                    load.append(fn("put(%s, w[\"%s\"])", bih, b));
                    load.append(fn("put(%s, np.concatenate([np.zeros(%d), w[\"%s\"]]))", bhh, 2 * u, bh));
                    save.append(fn("w[\"%s\"] = get(%s).T", w, ih));
                    save.append(fn("w[\"%s\"] = get(%s).T", r, hh));
                    save.append(fn("w[\"%s\"] = get(%s) + np.concatenate([get(%s)[:%d], np.zeros(%d)])", b, bih, bhh,
                            2 * u, u));
                    save.append(fn("w[\"%s\"] = get(%s)[%d:]", bh, bhh, 2 * u));
                }
                default -> {
                    load.append(fn("put(%s, w[\"%s\"].T)", ih, w));
                    load.append(fn("put(%s, w[\"%s\"].T)", hh, r));
                    load.append(fn("put(%s, w[\"%s\"])", bih, b));
                    load.append(fn("put(%s, np.zeros(%d))  # one bias in Strata", bhh, u));
                    save.append(fn("w[\"%s\"] = get(%s).T", w, ih));
                    save.append(fn("w[\"%s\"] = get(%s).T", r, hh));
                    save.append(fn("w[\"%s\"] = get(%s) + get(%s)", b, bih, bhh));
                }
            }
        }
    }

    /** @return a recurrent module's every h (returnSequences), or the last h each of its readings reached */
    private static String recurrentOutput(Params p, String name, String x) {
        String y = "self." + name + "(" + x + ")[0]";
        if (p.getBool("returnSequences")) return y;
        return p.getBool("bidirectional") ? "last_of_both(" + y + ", " + p.getInt("units") + ")" : y + "[:, -1]";
    }

    /** The lines of init_weights for one layer: each of its arrays drawn as Strata draws it. */
    private static String initLines(Node n, String name, List<org.strata.engine.layers.Weight> weights) {
        // where each array sits, after "net.<name>": an attribute of the layer's module, a module beside it
        // (MultiHeadAttention's net.<name>__q) or the parameter that is the layer (PositionEmbedding)
        Map<String, String> attr = switch (n.type().id()) {
            case "Dense", "Conv2D", "Conv1D", "DepthwiseConv2D", "ConvTranspose2D" -> Map.of("W", ".weight", "b",
                    ".bias");
            case "LSTM", "GRU", "SimpleRNN" -> Map.of("W", ".weight_ih_l0", "U", ".weight_hh_l0", "b",
                    ".bias_ih_l0", "W_reverse", ".weight_ih_l0_reverse", "U_reverse", ".weight_hh_l0_reverse",
                    "b_reverse", ".bias_ih_l0_reverse");
            case "Embedding" -> Map.of("E", ".weight");
            case "PositionEmbedding" -> Map.of("P", "");
            case "MultiHeadAttention" -> Map.of("Wq", "__q.weight", "bq", "__q.bias", "Wk", "__k.weight", "bk",
                    "__k.bias", "Wv", "__v.weight", "bv", "__v.bias", "Wo", "__o.weight", "bo", "__o.bias");
            default -> Map.of(); // BatchNorm: PyTorch's own start (γ 1, β 0, mean 0, variance 1) is Strata's
        };
        StringBuilder b = new StringBuilder();
        for (var w : weights) {
            String to = attr.get(w.name());
            if (to == null) continue;
            String param = "net." + name + to;
            if (w.init() == org.strata.engine.layers.Weight.Init.XAVIER) {
                org.strata.engine.layers.WeightInit scheme = org.strata.engine.layers.WeightInit.of(n.params());
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
        if (n.type() instanceof RecurrentLayer) {
            b.append("        nn.init.zeros_(net.").append(name).append(".bias_hh_l0)\n"); // GRU's bh: zero too
            if (n.params().getBool("bidirectional")) {
                b.append("        nn.init.zeros_(net.").append(name).append(".bias_hh_l0_reverse)\n");
            }
        }
        return b.toString();
    }

    /** Pads an NCW tensor for 'same' (half before, the odd one after, as Strata does); as it is for 'valid'. */
    private static String pad1d(String ncw, TensorShape in, TensorShape out, int k, int s, boolean same,
                                String value) {
        if (!same) return ncw;
        int pw = Math.max((out.dim(0) - 1) * s + k - in.dim(0), 0);
        if (pw == 0) return ncw;
        return "F.pad(" + ncw + ", (" + pw / 2 + ", " + (pw - pw / 2) + "), value=" + value + ")";
    }

    /** Pads an NCHW tensor for 'same' (half before, the odd one after, as Strata does); as it is for 'valid'. */
    private static String pad(String nchw, TensorShape in, TensorShape out, int[] k, int[] s, boolean same,
                              String value) {
        if (!same) return nchw;
        int ph = Math.max((out.dim(0) - 1) * s[0] + k[0] - in.dim(0), 0);
        int pw = Math.max((out.dim(1) - 1) * s[1] + k[1] - in.dim(1), 0);
        if (ph == 0 && pw == 0) return nchw;
        return "F.pad(" + nchw + ", (" + pw / 2 + ", " + (pw - pw / 2) + ", " + ph / 2 + ", " + (ph - ph / 2)
                + "), value=" + value + ")";
    }

    private static String activation(ActivationFn f, String x) {
        return switch (f) {
            case IDENTITY -> x;
            case RELU -> "F.relu(" + x + ")";
            case SIGMOID -> "torch.sigmoid(" + x + ")";
            case TANH -> "torch.tanh(" + x + ")";
            case SOFTMAX -> "F.softmax(" + x + ", dim=-1)";
            case ELU -> "F.elu(" + x + ")";
            case LEAKY_RELU -> "F.leaky_relu(" + x + ", 0.01)";
            case GELU -> "gelu(" + x + ")";
            case SILU -> "F.silu(" + x + ")";
            case MISH -> "F.mish(" + x + ")";
            case SOFTPLUS -> "F.softplus(" + x + ")";
            // PyTorch's hardsigmoid is x/6 + 1/2; Strata's (Deeplearning4j's) is 0.2x + 0.5
            case HARD_SIGMOID -> "torch.clamp(0.2 * " + x + " + 0.5, 0.0, 1.0)";
        };
    }

    /** A line of __init__ (or forward): two levels in. */
    private static String line(String format, Object... args) {
        return "        " + String.format(Locale.ROOT, format, args) + "\n";
    }

    /** A line of a module-level function's body: one level in. */
    private static String fn(String format, Object... args) {
        return "    " + String.format(Locale.ROOT, format, args) + "\n";
    }

    private static String num(double d) {
        return Double.toString(d);
    }

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
                %s%s""".formatted(name, text(model), training);
    }

    /** For a model of texts: how a text becomes the numbers the network reads. */
    private static String text(TrainedModel model) {
        return model.text().map(t -> """

                ## Texts

                The network reads token numbers, not text: `vocabulary.json` holds how Strata made them (%s, %s,
                %d tokens per text; `tokens[i]` is number i, `<pad>` 0 fills a short text up, `<unk>` 1 stands for a
                token not in the vocabulary). Read a new text the same way before asking the network about it.
                """.formatted(t.tokenizer() == org.strata.engine.data.text.Tokenizer.CHARACTERS
                ? "split into characters" : "split into words and punctuation marks",
                t.lowercase() ? "lowercased" : "case kept", t.length())).orElse("");
    }
}
