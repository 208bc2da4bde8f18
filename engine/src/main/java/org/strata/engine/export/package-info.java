/** Exports of trained weights: NumPy .npz in documented layouts, and Deeplearning4j's zip. */
package org.strata.engine.export;
