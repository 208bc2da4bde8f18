/** Process-wide runtime choices made before ND4J loads: which native build, how many threads. */
package org.strata.engine.runtime;
