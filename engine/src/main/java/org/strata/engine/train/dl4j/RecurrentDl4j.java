package org.strata.engine.train.dl4j;

import java.util.Map;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.layers.RecurrentLayer;

/**
 * A catalogue recurrent layer unrolled over the sequence [batch, T, F] as a SameDiff layer, for what Deeplearning4j
 * 1.0.0-M2.1 lacks: GRU (none there), and any bidirectional layer (its Bidirectional wrapper's last step is the
 * backward reading's first, not the h it reaches at the sequence's start, and it keys its arrays its own way). The
 * cells are the catalogue's: LSTM blocks g, f, o, i; GRU blocks r, z, n with the reset gate on the recurrent product
 * and its recurrent bias bh; SimpleRNN. The backward reading's arrays, the catalogue's "W_reverse" and so on, are kept
 * under the keys "Wreverse" and so on. Kept in a model's configuration by class name, so it has a no-argument
 * constructor and properties.
 */
public final class RecurrentDl4j extends CatalogueSameDiffLayer {
    private String cell;
    private long features;
    private long units;
    private int steps;
    private boolean sequences;
    private boolean bidirectional;

    /** For Deeplearning4j's JSON configuration. */
    public RecurrentDl4j() {
    }

    /**
     * @param cell          the catalogue type: "LSTM", "GRU" or "SimpleRNN"
     * @param sequences     output h at every step [batch, T, width], else the last reached [batch, width]
     * @param bidirectional also read from the end; the two readings side by side
     * @param init          the catalogue's weight initialiser key
     */
    public RecurrentDl4j(String cell, long features, long units, int steps, boolean sequences, boolean bidirectional,
                         String init) {
        this.cell = cell;
        this.features = features;
        this.units = units;
        this.steps = steps;
        this.sequences = sequences;
        this.bidirectional = bidirectional;
        setInit(init);
    }

    public String getCell() {
        return cell;
    }

    public void setCell(String cell) {
        this.cell = cell;
    }

    public long getFeatures() {
        return features;
    }

    public void setFeatures(long features) {
        this.features = features;
    }

    public long getUnits() {
        return units;
    }

    public void setUnits(long units) {
        this.units = units;
    }

    public int getSteps() {
        return steps;
    }

    public void setSteps(int steps) {
        this.steps = steps;
    }

    public boolean isSequences() {
        return sequences;
    }

    public void setSequences(boolean sequences) {
        this.sequences = sequences;
    }

    public boolean isBidirectional() {
        return bidirectional;
    }

    public void setBidirectional(boolean bidirectional) {
        this.bidirectional = bidirectional;
    }

    private int gates() {
        return switch (cell) {
            case "LSTM" -> 4;
            case "GRU" -> 3;
            default -> 1;
        };
    }

    private String[] suffixes() {
        return bidirectional ? new String[]{"", RecurrentLayer.REVERSE} : new String[]{""};
    }

    /** @return the key of a reading's array in Deeplearning4j ("Wreverse" for the catalogue's "W_reverse") */
    private static String key(String name, String suffix) {
        return Dl4jLayers.Param.key(name + suffix);
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable x, Map<String, SDVariable> params, SDVariable mask) {
        SDVariable[] xs = sd.unstack(x, 1, steps); // [batch, F] per step
        SDVariable[] forward = read(sd, xs, params, "", false);
        if (!bidirectional) return trueGradient(sd, sequences ? sd.stack(1, forward) : forward[steps - 1]);
        SDVariable[] backward = read(sd, xs, params, RecurrentLayer.REVERSE, true);
        SDVariable out = sequences ? sd.concat(2, sd.stack(1, forward), sd.stack(1, backward))
                : sd.concat(1, forward[steps - 1], backward[0]); // the last h each reading reaches
        return trueGradient(sd, out);
    }

    /** @return h at each time step of one reading, indexed by time (the backward reading starts at T − 1) */
    private SDVariable[] read(SameDiff sd, SDVariable[] xs, Map<String, SDVariable> params, String suffix,
                              boolean reverse) {
        SDVariable w = params.get(key("W", suffix));
        SDVariable u = params.get(key("U", suffix));
        SDVariable b = params.get(key("b", suffix));
        SDVariable[] hs = new SDVariable[steps];
        SDVariable h = null;
        SDVariable c = null; // LSTM's cell state
        for (int s = 0; s < steps; s++) {
            int t = reverse ? steps - 1 - s : s;
            SDVariable zx = xs[t].mmul(w).add(b);
            switch (cell) {
                case "LSTM" -> {
                    SDVariable[] z = sd.split(h == null ? zx : zx.add(h.mmul(u)), 4, 1); // blocks g, f, o, i
                    SDVariable ig = sd.nn().sigmoid(z[3]).mul(sd.math().tanh(z[0]));
                    // at the first step c_{−1} = 0, yet the forget gate is still read (times 0): Deeplearning4j
                    // refuses to differentiate a graph holding a value nothing reads
                    SDVariable f = sd.nn().sigmoid(z[1]);
                    c = c == null ? f.mul(0.0).add(ig) : f.mul(c).add(ig);
                    h = sd.nn().sigmoid(z[2]).mul(sd.math().tanh(c));
                }
                case "GRU" -> h = gruStep(sd, zx, h, u, params.get(key("bh", suffix)));
                default -> h = sd.math().tanh(h == null ? zx : zx.add(h.mmul(u)));
            }
            hs[t] = h;
        }
        return hs;
    }

    /** One GRU step: r, z = σ(zx + h·U), n = tanh(zx_n + r⊙(h·U_n + bh)), h' = n + z⊙(h − n); h_{−1} = 0. */
    private static SDVariable gruStep(SameDiff sd, SDVariable zx, SDVariable h, SDVariable u, SDVariable bh) {
        SDVariable[] z3 = sd.split(zx, 3, 1); // blocks r, z, n
        if (h == null) {
            SDVariable n = sd.math().tanh(z3[2].add(sd.nn().sigmoid(z3[0]).mul(bh)));
            return n.sub(sd.nn().sigmoid(z3[1]).mul(n));
        }
        SDVariable[] hu = sd.split(h.mmul(u), 3, 1);
        SDVariable r = sd.nn().sigmoid(z3[0].add(hu[0]));
        SDVariable z = sd.nn().sigmoid(z3[1].add(hu[1]));
        SDVariable n = sd.math().tanh(z3[2].add(r.mul(hu[2].add(bh))));
        return n.add(z.mul(h.sub(n)));
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        long g = gates() * units;
        for (String s : suffixes()) {
            params.addWeightParam(key("W", s), features, g);
            params.addWeightParam(key("U", s), units, g);
            params.addBiasParam(key("b", s), 1, g);
            if (cell.equals("GRU")) params.addBiasParam(key("bh", s), 1, units);
        }
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        long g = gates() * units;
        for (String s : suffixes()) {
            draw(params.get(key("W", s)), features, g);
            draw(params.get(key("U", s)), units, g);
            params.get(key("b", s)).assign(0);
            if (cell.equals("GRU")) params.get(key("bh", s)).assign(0);
        }
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        long width = units * (bidirectional ? 2 : 1);
        return sequences ? InputType.recurrent(width, steps, RNNFormat.NWC) : InputType.feedForward(width);
    }
}
