/** The command line: validate, data, summary, layers, train, evaluate, generate, export and import-weights. */
package org.strata.engine.cli;
