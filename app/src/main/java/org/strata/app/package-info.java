/** Strata's desktop app: the JavaFX editor on top of {@code org.strata.engine}. */
package org.strata.app;
