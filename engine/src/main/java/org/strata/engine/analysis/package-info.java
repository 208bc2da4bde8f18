/**
 * Shape inference, validation with fix-it messages, the summary table and how large a network is (memory, FLOPs, the
 * scale lines, a GPT-style transformer built from its sizes), over a whole graph.
 */
package org.strata.engine.analysis;
