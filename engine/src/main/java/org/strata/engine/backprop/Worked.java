package org.strata.engine.backprop;

import java.util.List;

/**
 * A formula worked out for one value of a step: the formula in general, then the lines that fill it in with the
 * step's numbers, the value they give, and the value the engine computed (to be equal).
 *
 * @param general the formula as the layer reference writes it, e.g. "y = tanh(x·W + b)"
 * @param lines   the formula for this value with symbols, then with the step's numbers
 * @param value   what the lines work out to
 * @param engine  the value the engine computed for the same thing (NaN where the engine keeps no such value)
 */
public record Worked(String general, List<String> lines, double value, double engine) {
}
