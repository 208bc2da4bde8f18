/**
 * Datasets: MNIST IDX files, CSV tables, image folders and built-in generators, split into train, validation and
 * test and read batch by batch.
 */
package org.strata.engine.data;
