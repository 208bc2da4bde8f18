/**
 * Text as data: splitting text into tokens (characters, words, or byte-pair encoding's pieces learned on the training
 * text; Chinese and Japanese by character), the vocabulary
 * that numbers them (built from the training split only, with padding and unknown tokens), and the encoding a trained
 * model keeps so that a typed text is read as the training texts were. Knows no files and no datasets
 * ({@code data.TextTable} reads the files).
 */
package org.strata.engine.data.text;
