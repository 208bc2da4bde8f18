/**
 * What the engine says to users, as English text plus a code and values that a user interface translates
 * ({@link org.strata.engine.text.Message}).
 */
package org.strata.engine.text;
