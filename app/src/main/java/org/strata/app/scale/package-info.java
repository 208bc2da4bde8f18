/**
 * The Scale tab's logic, without a window: a GPT-style transformer's sizes on sliders and what the network they give
 * costs (parameters, memory against this machine's, FLOPs, time), texts in the window's language, and this machine's
 * memory and measured speed. Nothing here touches {@code javafx.scene} (an architecture test keeps it so); the view
 * is {@code dock.ScaleView}.
 */
package org.strata.app.scale;
