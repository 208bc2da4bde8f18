/**
 * The layer reference, generated from the catalogue and from the engines' mappings: it may read every other package,
 * and nothing in the model reads it.
 */
package org.strata.engine.docs;
