/** The command line: validate, summary, train, evaluate and export. */
package org.strata.engine.cli;
