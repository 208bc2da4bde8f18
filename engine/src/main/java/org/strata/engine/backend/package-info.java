/**
 * What every engine implements: a compiled, trainable network ({@link org.strata.engine.backend.NetworkBackend}).
 * The engines ({@code train.fast}, {@code train.dl4j}) depend on this package, and the training lifecycle
 * ({@code train}) on them, so no two packages depend on each other.
 */
package org.strata.engine.backend;
