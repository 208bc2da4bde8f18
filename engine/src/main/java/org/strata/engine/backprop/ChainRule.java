package org.strata.engine.backprop;

import java.util.List;

/**
 * The chain rule for one weight, with the step's numbers: the factors for one sample, their product, the sum of
 * the products over the batch, and the gradient the engine computed (to be equal).
 *
 * @param general       e.g. "∂L/∂wᵢⱼ = Σₙ ∂L/∂yⱼ · f′(zⱼ) · xᵢ"
 * @param lines         the rule for this weight with symbols, a derivative's working, then with numbers
 * @param factors       this sample's factors, in the order the rule writes them
 * @param sampleProduct their product: this sample's part of the gradient
 * @param batchSum      the parts summed over every sample of the batch
 * @param engine        the gradient the engine computed for the weight
 */
public record ChainRule(String general, List<String> lines, List<Factor> factors, double sampleProduct,
                        double batchSum, double engine) {
    /**
     * One factor of the chain rule.
     *
     * @param symbol     e.g. "∂L/∂y₂", "tanh′(z₂)", "x₁"
     * @param value      its value for the sample
     * @param fromEngine true when copied from the engine's buffers; false when worked out from them (a derivative)
     */
    public record Factor(String symbol, double value, boolean fromEngine) {
    }
}
