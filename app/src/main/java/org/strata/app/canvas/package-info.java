/**
 * The graph canvas: node and wire views that follow the document, the grid, pan and zoom, and the mouse gestures
 * that turn into document commands.
 */
package org.strata.app.canvas;
