/**
 * The training tabs' views (Training, Layers, Try it, Runs): charts and panes that show what the run's logic in
 * {@code org.strata.app.training} holds, and pass the user's actions back to it.
 */
package org.strata.app.training.view;
