/** The bottom dock's tabs: Problems and Summary (training views join them later). */
package org.strata.app.dock;
