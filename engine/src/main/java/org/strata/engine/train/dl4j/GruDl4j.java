package org.strata.engine.train.dl4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * GRU for Deeplearning4j, which has no such layer in 1.0.0-M2.1: a SameDiff layer unrolling the catalogue's GRU
 * (reset gate on the recurrent product; blocks r, z, n; W [F, 3u], U [u, 3u], b [1, 3u], bh [1, u]) over the
 * sequence [batch, T, F]. Kept in a model's configuration by class name, so it has a no-argument constructor and
 * properties.
 */
public final class GruDl4j extends CatalogueSameDiffLayer {
    private long features;
    private long units;
    private int steps;
    private boolean sequences;

    /** For Deeplearning4j's JSON configuration. */
    public GruDl4j() {
    }

    /**
     * @param sequences output h at every step [batch, T, units], else the last [batch, units]
     * @param init      the catalogue's weight initialiser key
     */
    public GruDl4j(long features, long units, int steps, boolean sequences, String init) {
        this.features = features;
        this.units = units;
        this.steps = steps;
        this.sequences = sequences;
        setInit(init);
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

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable x, Map<String, SDVariable> params, SDVariable mask) {
        SDVariable w = params.get("W");
        SDVariable u = params.get("U");
        SDVariable b = params.get("b");
        SDVariable bh = params.get("bh");
        List<SDVariable> hs = new ArrayList<>();
        SDVariable[] xs = sd.unstack(x, 1, steps); // [batch, F] per step
        SDVariable h = null;
        for (int t = 0; t < steps; t++) {
            SDVariable[] zx = sd.split(xs[t].mmul(w).add(b), 3, 1); // blocks r, z, n
            SDVariable r;
            SDVariable z;
            SDVariable huN;
            if (h == null) { // h_{−1} = 0
                r = sd.nn().sigmoid(zx[0]);
                z = sd.nn().sigmoid(zx[1]);
                huN = bh;
            } else {
                SDVariable[] hu = sd.split(h.mmul(u), 3, 1);
                r = sd.nn().sigmoid(zx[0].add(hu[0]));
                z = sd.nn().sigmoid(zx[1].add(hu[1]));
                huN = hu[2].add(bh);
            }
            SDVariable n = sd.math().tanh(zx[2].add(r.mul(huN)));
            h = h == null ? n.sub(z.mul(n)) : n.add(z.mul(h.sub(n)));
            hs.add(h);
        }
        SDVariable out = sequences ? sd.stack(1, hs.toArray(new SDVariable[0])) : h;
        return trueGradient(sd, out);
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.addWeightParam("W", features, 3 * units);
        params.addWeightParam("U", units, 3 * units);
        params.addBiasParam("b", 1, 3 * units);
        params.addBiasParam("bh", 1, units);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        draw(params.get("W"), features, 3 * units);
        draw(params.get("U"), units, 3 * units);
        params.get("b").assign(0);
        params.get("bh").assign(0);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return sequences ? InputType.recurrent(units, steps, RNNFormat.NWC) : InputType.feedForward(units);
    }
}
