/** The export formats as one list: how each is written, proved and where its proof is kept, for the CLI and window. */
package org.strata.engine.export.formats;
