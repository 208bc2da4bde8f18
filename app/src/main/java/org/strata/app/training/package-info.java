/**
 * Training from the editor, as logic without a window: the run of the open document (its session on its own thread,
 * events merged a few times a second into observable properties), its histories and the runs kept with the project.
 * Nothing here touches {@code javafx.scene} (an architecture test keeps it so); the views are in
 * {@code training.view}, and the threads a run uses are handed in ({@link org.strata.app.training.RunThreads}).
 */
package org.strata.app.training;
