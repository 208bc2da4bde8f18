/** The Deeplearning4j backend: compiles a validated graph to a {@code ComputationGraph} and trains it. */
package org.strata.engine.train.dl4j;
