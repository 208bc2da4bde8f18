/** The card over the canvas that shows the lesson under way: its step, what to do, Back, Skip and Close. */
package org.strata.app.lessons.view;
