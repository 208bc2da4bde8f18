/**
 * Datasets: MNIST IDX files, CSV tables, image folders, texts, time series, text corpora for language models and
 * built-in generators, split into train, validation and test and read batch by batch.
 */
package org.strata.engine.data;
