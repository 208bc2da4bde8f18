/** The inspector: parameter editors generated from the layer and settings tables (ControlsFX property sheets). */
package org.strata.app.inspector;
