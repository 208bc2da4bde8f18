/** The bottom dock's tabs: Problems, Summary and Scale (training views join them later). */
package org.strata.app.dock;
