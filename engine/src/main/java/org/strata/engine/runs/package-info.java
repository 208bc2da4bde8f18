/**
 * The runs kept with a project: each training run's settings, curves and final figures ({@code run.json}) and its
 * trained model ({@code model.zip}) in a folder next to the project file, so runs can be compared and any run's
 * model used again.
 */
package org.strata.engine.runs;
