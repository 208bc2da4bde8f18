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
 * 1.0.0-M2.1 lacks: GRU (none there), any bidirectional layer (its Bidirectional wrapper's last step is the backward
 * reading's first, not the h it reaches at the sequence's start, and it keys its arrays its own way), and any layer
 * reading padding (the state reset on padded steps, as Strata's engine does). The cells are the catalogue's: LSTM
 * blocks g, f, o, i; GRU blocks r, z, n with the reset gate on the recurrent product and its recurrent bias bh;
 * SimpleRNN. Its arrays are kept under Deeplearning4j's LSTM keys (U as "RW"), the backward reading's without the
 * underscore ("Wreverse", "RWreverse"…). Kept in a model's configuration by class name, so it has a no-argument
 * constructor and properties.
 */
public final class RecurrentDl4j extends CatalogueSameDiffLayer {
    private String cell;
    private long features;
    private long units;
    private int steps;
    private boolean sequences;
    private boolean bidirectional;
    private boolean padded;

    /** For Deeplearning4j's JSON configuration. */
    public RecurrentDl4j() {
    }

    /**
     * @param cell          the catalogue type: "LSTM", "GRU" or "SimpleRNN"
     * @param sequences     output h at every step [batch, T, width], else the last reached [batch, width]
     * @param bidirectional also read from the end; the two readings side by side
     * @param padded        the input carries padding: the state is reset to zero on padded steps, and the last
     *                      output is each sample's last real step
     * @param init          the catalogue's weight initialiser key
     */
    public RecurrentDl4j(String cell, long features, long units, int steps, boolean sequences, boolean bidirectional,
                         boolean padded, String init) {
        this.padded = padded;
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

    /** @return whether the input carries padding: a mask comes with every batch */
    public boolean isPadded() {
        return padded;
    }

    public void setPadded(boolean padded) {
        this.padded = padded;
    }

    public boolean isBidirectional() {
        return bidirectional;
    }

    public void setBidirectional(boolean bidirectional) {
        this.bidirectional = bidirectional;
    }

    /** The catalogue's recurrent cells, named as their types ({@link #cell} keeps the name for Deeplearning4j's JSON). */
    private enum Cell {
        LSTM(4), GRU(3), SimpleRNN(1);

        /** Blocks of {@code units} columns in W, U and b: LSTM's g, f, o, i; GRU's r, z, n; the simple cell's one. */
        final int gates;

        Cell(int gates) {
            this.gates = gates;
        }
    }

    private Cell kind() {
        return Cell.valueOf(cell);
    }

    private int gates() {
        return kind().gates;
    }

    private String[] suffixes() {
        return bidirectional ? new String[]{"", RecurrentLayer.REVERSE} : new String[]{""};
    }

    /**
     * @return the key of a reading's array in Deeplearning4j: U is "RW" as in its own LSTM, and the backward
     * reading's keys have no underscore ("RWreverse" for the catalogue's "U_reverse")
     */
    static String key(String name, String suffix) {
        return Dl4jLayers.Param.key((name.equals("U") ? "RW" : name) + suffix);
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable x, Map<String, SDVariable> params, SDVariable mask) {
        SDVariable[] xs = sd.unstack(x, 1, steps); // [batch, F] per step
        SDVariable[] ms = null; // each step's mask column [batch, 1]
        if (padded && mask != null) {
            SDVariable[] columns = sd.unstack(mask, 1, steps);
            ms = new SDVariable[steps];
            for (int t = 0; t < steps; t++) ms[t] = columns[t].reshape(-1, 1);
        }
        SDVariable[] forward = read(sd, xs, ms, params, "", false);
        // (every value defined must be read: Deeplearning4j refuses to differentiate a graph with a loose end)
        SDVariable last = sequences ? null : ms == null ? forward[steps - 1] : lastReal(forward, ms);
        if (!bidirectional) return trueGradient(sd, sequences ? sd.stack(1, forward) : last);
        SDVariable[] backward = read(sd, xs, ms, params, RecurrentLayer.REVERSE, true);
        SDVariable out = sequences ? sd.concat(2, sd.stack(1, forward), sd.stack(1, backward))
                : sd.concat(1, last, backward[0]); // the last h each reading reaches
        return trueGradient(sd, out);
    }

    /** @return Σ_t h_t·(m_t − m_{t+1}): each sample's h at its last real step */
    private static SDVariable lastReal(SDVariable[] hs, SDVariable[] ms) {
        int steps = hs.length;
        SDVariable sum = hs[steps - 1].mul(ms[steps - 1]);
        for (int t = 0; t < steps - 1; t++) sum = sum.add(hs[t].mul(ms[t].sub(ms[t + 1])));
        return sum;
    }

    /** The input's mask reaches the next layer only with the sequence; a last step's vector has none. */
    @Override
    public org.nd4j.common.primitives.Pair<INDArray, org.deeplearning4j.nn.api.MaskState> feedForwardMaskArray(
            INDArray maskArray, org.deeplearning4j.nn.api.MaskState currentMaskState, int minibatchSize) {
        return sequences ? new org.nd4j.common.primitives.Pair<>(maskArray, currentMaskState)
                : new org.nd4j.common.primitives.Pair<>(null, null);
    }

    /**
     * @param ms each step's mask column, or null: a padded step's state is reset to zero
     * @return h at each time step of one reading, indexed by time (the backward reading starts at T − 1)
     */
    private SDVariable[] read(SameDiff sd, SDVariable[] xs, SDVariable[] ms, Map<String, SDVariable> params,
                              String suffix, boolean reverse) {
        SDVariable w = params.get(key("W", suffix));
        SDVariable u = params.get(key("U", suffix));
        SDVariable b = params.get(key("b", suffix));
        SDVariable[] hs = new SDVariable[steps];
        SDVariable h = null;
        SDVariable c = null; // LSTM's cell state
        for (int s = 0; s < steps; s++) {
            int t = reverse ? steps - 1 - s : s;
            SDVariable zx = xs[t].mmul(w).add(b);
            switch (kind()) {
                case LSTM -> {
                    SDVariable[] z = sd.split(h == null ? zx : zx.add(h.mmul(u)), 4, 1); // blocks g, f, o, i
                    SDVariable ig = sd.nn().sigmoid(z[3]).mul(sd.math().tanh(z[0]));
                    // at the first step c_{−1} = 0, yet the forget gate is still read (times 0): Deeplearning4j
                    // refuses to differentiate a graph holding a value nothing reads
                    SDVariable f = sd.nn().sigmoid(z[1]);
                    c = c == null ? f.mul(0.0).add(ig) : f.mul(c).add(ig);
                    if (ms != null) c = c.mul(ms[t]);
                    h = sd.nn().sigmoid(z[2]).mul(sd.math().tanh(c));
                }
                case GRU -> h = gruStep(sd, zx, h, u, params.get(key("bh", suffix)));
                case SimpleRNN -> h = sd.math().tanh(h == null ? zx : zx.add(h.mmul(u)));
            }
            if (ms != null && kind() != Cell.LSTM) h = h.mul(ms[t]);
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
            if (kind() == Cell.GRU) params.addBiasParam(key("bh", s), 1, units);
        }
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        long g = gates() * units;
        for (String s : suffixes()) {
            draw(params.get(key("W", s)), features, g);
            draw(params.get(key("U", s)), units, g);
            params.get(key("b", s)).assign(0);
            if (kind() == Cell.GRU) params.get(key("bh", s)).assign(0);
        }
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        long width = units * (bidirectional ? 2 : 1);
        return sequences ? InputType.recurrent(width, steps, RNNFormat.NWC) : InputType.feedForward(width);
    }
}
