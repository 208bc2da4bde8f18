/** The plain graph model: nodes (layer instances) connected port to port by edges, with stable string ids. */
package org.strata.engine.graph;
