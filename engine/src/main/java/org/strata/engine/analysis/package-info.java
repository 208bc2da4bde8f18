/** Shape inference, validation with fix-it messages, and the summary table, over a whole graph. */
package org.strata.engine.analysis;
