/**
 * The Data tab: what a project's dataset holds, shown before training (splits, class balance, the first samples as
 * pictures, texts, plots or values, a text's vocabulary), read by the document's data watcher.
 */
package org.strata.app.data;
