/**
 * The Deeplearning4j backend: compiles a validated graph to a {@code ComputationGraph} (each layer type as
 * {@link org.strata.engine.train.dl4j.Dl4jLayers} maps it) and trains it.
 */
package org.strata.engine.train.dl4j;
