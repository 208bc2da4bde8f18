/**
 * Training from the editor: the run of the open document (its session on its own thread, events merged into the
 * window a few times a second) and the live views of it.
 */
package org.strata.app.training;
