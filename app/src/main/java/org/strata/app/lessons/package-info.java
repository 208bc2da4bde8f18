/**
 * Guided lessons from the primer (Help › Lessons, the start page): each opens a sample, says what to look at, and
 * waits for the student's action. The lessons and their progress live here without views; the card that shows them
 * is in {@code lessons.view}.
 */
package org.strata.app.lessons;
