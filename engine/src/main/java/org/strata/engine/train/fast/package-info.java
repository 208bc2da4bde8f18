/**
 * Strata's own training engine: the compiled graph run directly on libnd4j's ops, with parameters, gradients and
 * optimizer state in flat preallocated arrays, every op built once with a reused context, channels-last images and
 * no input gradient for the first layer. Graphs it does not support train through Deeplearning4j instead.
 */
package org.strata.engine.train.fast;
