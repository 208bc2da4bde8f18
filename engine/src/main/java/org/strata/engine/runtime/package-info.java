/** Process-wide runtime choices made around ND4J: which native build, how many threads. */
package org.strata.engine.runtime;
