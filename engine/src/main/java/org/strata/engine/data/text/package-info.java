/**
 * Text as data: splitting text into tokens (characters or words; Chinese and Japanese by character), the vocabulary
 * that numbers them (built from the training split only, with padding and unknown tokens), and reading a CSV or TSV
 * file of texts and labels, strictly as UTF-8, with errors that name the line.
 */
package org.strata.engine.data.text;
