/**
 * The main window: menus and toolbar, start page, the editor pane of the open project, file dialogs, theme and
 * language, status bar.
 */
package org.strata.app.window;
