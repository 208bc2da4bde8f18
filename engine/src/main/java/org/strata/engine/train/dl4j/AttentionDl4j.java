package org.strata.engine.train.dl4j;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * MultiHeadAttention for Deeplearning4j: a SameDiff layer computing the catalogue's self-attention (biased Q, K, V
 * projections, an optional causal mask, biased output projection back to the input's width) on sequences kept as
 * [batch, T, F]. Deeplearning4j's SelfAttentionLayer has no biases, no mask for causality and wants [batch, F, T].
 * Kept in a model's configuration by class name, so it has a no-argument constructor and properties.
 */
public final class AttentionDl4j extends CatalogueSameDiffLayer {
    private long features;
    private int steps;
    private int heads;
    private int keySize;
    private boolean causal;
    private boolean padded;

    /** For Deeplearning4j's JSON configuration. */
    public AttentionDl4j() {
    }

    public AttentionDl4j(long features, int steps, int heads, int keySize, boolean causal, boolean padded,
                         String init) {
        this.padded = padded;
        this.features = features;
        this.steps = steps;
        this.heads = heads;
        this.keySize = keySize;
        this.causal = causal;
        setInit(init);
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable x, Map<String, SDVariable> params, SDVariable mask) {
        SDVariable rows = x.reshape(-1, features);
        SDVariable q = heads(rows.mmul(params.get("Wq")).add(params.get("bq")));
        SDVariable k = heads(rows.mmul(params.get("Wk")).add(params.get("bk")));
        SDVariable v = heads(rows.mmul(params.get("Wv")).add(params.get("bv")));
        SDVariable scores = sd.mmul(q, k, false, true, false).mul(1.0 / Math.sqrt(keySize));
        if (causal) {
            scores = scores.add(sd.constant(Nd4j.create(
                    org.strata.engine.layers.MultiHeadAttentionLayer.causalMask(steps), steps, steps)));
        }
        if (padded && mask != null) { // no query looks at a padded key: (mask − 1)·1e9 on its score
            scores = scores.add(mask.sub(1.0).mul(1e9).reshape(-1, 1, 1, steps));
        }
        SDVariable weights = sd.nn().softmax(scores, -1);
        SDVariable joined = sd.mmul(weights, v).permute(0, 2, 1, 3).reshape(-1, (long) heads * keySize);
        SDVariable y = joined.mmul(params.get("Wo")).add(params.get("bo")).reshape(-1, steps, features);
        return trueGradient(sd, y);
    }

    /** @return rows [batch·T, heads·keySize] as [batch, heads, T, keySize] */
    private SDVariable heads(SDVariable rows) {
        return rows.reshape(-1, steps, heads, keySize).permute(0, 2, 1, 3);
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        long hk = (long) heads * keySize;
        for (String p : new String[]{"q", "k", "v"}) {
            params.addWeightParam("W" + p, features, hk);
            params.addBiasParam("b" + p, 1, hk);
        }
        params.addWeightParam("Wo", hk, features);
        params.addBiasParam("bo", 1, features);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        long hk = (long) heads * keySize;
        for (String p : new String[]{"Wq", "Wk", "Wv"}) {
            draw(params.get(p), features, hk);
        }
        draw(params.get("Wo"), hk, features);
        for (String b : new String[]{"bq", "bk", "bv", "bo"}) params.get(b).assign(0);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return inputType;
    }

    public long getFeatures() {
        return features;
    }

    public void setFeatures(long features) {
        this.features = features;
    }

    public int getSteps() {
        return steps;
    }

    public void setSteps(int steps) {
        this.steps = steps;
    }

    public int getHeads() {
        return heads;
    }

    public void setHeads(int heads) {
        this.heads = heads;
    }

    public int getKeySize() {
        return keySize;
    }

    public void setKeySize(int keySize) {
        this.keySize = keySize;
    }

    /** @return whether the input carries padding, whose keys no query looks at */
    public boolean isPadded() {
        return padded;
    }

    public void setPadded(boolean padded) {
        this.padded = padded;
    }

    public boolean isCausal() {
        return causal;
    }

    public void setCausal(boolean causal) {
        this.causal = causal;
    }
}
