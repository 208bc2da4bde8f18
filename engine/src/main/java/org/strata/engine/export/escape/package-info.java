/**
 * The only way text from a project, its data or a model (names, descriptions, ids, class names, tokens, paths)
 * enters generated code or documents: one escaper per target language ({@link
 * org.strata.engine.export.escape.PythonText}, {@link org.strata.engine.export.escape.MarkdownText}, {@link
 * org.strata.engine.export.escape.ShellText}, {@link org.strata.engine.export.escape.OnnxText}) and one identifier
 * sanitiser ({@link org.strata.engine.export.escape.PythonNames}). A project file is data: nothing in it may become
 * code that runs when an export is imported, proved or trained.
 */
package org.strata.engine.export.escape;
