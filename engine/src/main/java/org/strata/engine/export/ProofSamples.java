package org.strata.engine.export;

import java.util.Random;
import org.strata.engine.data.Dataset;
import org.strata.engine.data.DatasetLoader;
import org.strata.engine.data.Split;
import org.strata.engine.model.TrainedModel;

/**
 * The samples an export is proved on, as raw values (what the data files hold): up to {@code max} of the project's
 * test split, else its validation split, else generated from the training data's normalisation (mean ± a standard
 * deviation) when the data cannot be read where the model is.
 *
 * @param raw  one row of raw input values per sample
 * @param from where they came from
 */
public record ProofSamples(float[][] raw, String from) {
    /** @return the smallest vocabulary of the Embeddings the Input feeds, or 0 when it feeds none */
    private static int tokens(TrainedModel model) {
        var graph = model.project().graph();
        String input = graph.inputNodes().get(0).id();
        return graph.outgoing(input).stream().map(e -> graph.require(e.to().node()))
                .filter(n -> n.type().id().equals("Embedding")).mapToInt(n -> n.params().getInt("vocabulary"))
                .min().orElse(0);
    }

    /** @return up to {@code max} samples for {@code model} */
    public static ProofSamples of(TrainedModel model, int max) {
        int features = model.shift().length;
        try {
            Dataset d = DatasetLoader.load(model.project(), model.readAs());
            Split s = d.test().size() > 0 ? d.test() : d.validation();
            if (s.size() > 0) {
                int n = Math.min(max, s.size());
                float[][] raw = new float[n][features];
                for (int i = 0; i < n; i++) {
                    s.features(i, raw[i], 0);
                    d.normalizer().invert(raw[i], 0);
                }
                return new ProofSamples(raw, d.test().size() > 0 ? "test split" : "validation split");
            }
        } catch (java.io.IOException | RuntimeException e) {
            // the data is not where the model is: generated samples prove the same arithmetic
        }
        Random r = new Random(42);
        float[][] raw = new float[max][features];
        int vocabulary = tokens(model);
        if (vocabulary > 0) {
            // an Input read by an Embedding holds token indices: whole numbers below the vocabulary's size
            for (float[] row : raw) for (int j = 0; j < features; j++) row[j] = r.nextInt(vocabulary);
            if (org.strata.engine.analysis.PaddingMasks.marks(model.project().graph()) && vocabulary > 1) { // padded sequences of every length: real tokens, then zeros
                for (float[] row : raw) {
                    int real = 1 + r.nextInt(features);
                    row[real - 1] = 1 + r.nextInt(vocabulary - 1);
                    java.util.Arrays.fill(row, real, features, 0f);
                }
            }
            return new ProofSamples(raw, "generated");
        }
        for (float[] row : raw) {
            for (int j = 0; j < features; j++) {
                float scale = model.scale()[j] == 0 ? 1 : model.scale()[j];
                row[j] = model.shift()[j] + (float) r.nextGaussian() / scale;
            }
        }
        return new ProofSamples(raw, "generated");
    }
}
