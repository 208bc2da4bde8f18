/** Trained model files: the project, its weights under Strata's names, optimizer state and input normalisation. */
package org.strata.engine.model;
