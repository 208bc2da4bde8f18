/** The project and its file format: versioned canonical JSON, strict reading with JSON-path errors, atomic saving. */
package org.strata.engine.project;
