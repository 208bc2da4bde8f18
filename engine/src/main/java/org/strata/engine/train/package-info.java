/**
 * Training sessions: compile a validated project, train it on a background thread with pause, step, resume and
 * stop, and publish immutable events (iterations, epochs, per-layer snapshots) to listeners.
 */
package org.strata.engine.train;
