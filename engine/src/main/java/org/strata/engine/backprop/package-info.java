/**
 * One training step laid open for teaching: what the engine computed in it ({@link org.strata.engine.backprop.StepTrace},
 * copied from the engine's own buffers), the phases a student steps through, and formulas filled in with the step's
 * numbers. Plain Java: no engine library, so views and tests read it without one.
 */
package org.strata.engine.backprop;
