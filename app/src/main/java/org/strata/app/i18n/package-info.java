/** Access to the English and Simplified Chinese message bundles kept in {@code ui-resources}. */
package org.strata.app.i18n;
