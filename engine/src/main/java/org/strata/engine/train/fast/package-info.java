/**
 * Strata's own training engine: the compiled graph run directly on libnd4j's ops, with parameters, gradients and
 * optimizer state in flat preallocated arrays, every op built once with a reused context, channels-last images and
 * no input gradient for the first layer. {@link org.strata.engine.train.fast.Kernels} says which kernel runs which
 * layer type; graphs with a type it declines train through Deeplearning4j instead.
 */
package org.strata.engine.train.fast;
