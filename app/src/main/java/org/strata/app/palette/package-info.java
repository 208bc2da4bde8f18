/** The layer palette: the catalogue by category with search, icons and drag-to-canvas. */
package org.strata.app.palette;
