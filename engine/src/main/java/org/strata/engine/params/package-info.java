/**
 * Parameter tables: typed, ranged, described parameters shared by layer types, dataset kinds and training
 * settings, so that one table drives the inspector, the validator, the JSON format and the docs.
 */
package org.strata.engine.params;
