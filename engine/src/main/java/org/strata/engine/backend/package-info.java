/**
 * What every engine implements: a compiled network ({@link org.strata.engine.backend.NetworkBackend}), split by
 * purpose into training ({@link org.strata.engine.backend.TrainableNetwork}) and inspection
 * ({@link org.strata.engine.backend.NetworkInspection}); an engine that can copy out a whole step also implements
 * {@link org.strata.engine.backend.NetworkTracing}. The engines ({@code train.fast}, {@code train.dl4j}) depend on
 * this package, and the training lifecycle ({@code train}) on them, so no two packages depend on each other.
 */
package org.strata.engine.backend;
