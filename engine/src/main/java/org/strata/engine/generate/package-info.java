/**
 * Text generation from a trained language model (a {@code language-model} dataset, an Output with a class at every
 * step): the next token's probabilities for a context ({@link org.strata.engine.generate.Generator#next}), the
 * settings that turn them into a choice ({@link org.strata.engine.generate.Sampling}: temperature, top-k, top-p, a
 * seed) and a prompt continued token by token ({@link org.strata.engine.generate.Generation}), as the command line's
 * {@code strata generate} and the window's generation panel use them.
 */
package org.strata.engine.generate;
