/**
 * The open project as the editor sees it: the document, its undo history of {@link org.strata.app.document.Command}s,
 * the selection, and the edits (add, remove, move, connect, parameters, paste, auto-layout). No JavaFX nodes here,
 * only properties the views observe.
 */
package org.strata.app.document;
