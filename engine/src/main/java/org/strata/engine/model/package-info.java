/**
 * Trained models as plain data (no engine, no ND4J): the project and its analysis, weights under Strata's names as
 * {@link org.strata.engine.model.FloatArray}s, optimizer state and input normalisation; their {@code model.zip} and
 * the {@code .npz} files they are made of ({@link org.strata.engine.model.NpzIO}).
 */
package org.strata.engine.model;
