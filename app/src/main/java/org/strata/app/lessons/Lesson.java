package org.strata.app.lessons;

import java.util.List;
import java.util.function.Predicate;

/**
 * A guided lesson: the sample it opens and its steps. Its texts are {@code lesson.<id>.title},
 * {@code lesson.<id>.summary} and {@code lesson.<id>.<n>} (n from 1) in the message bundles.
 *
 * @param id     e.g. "backprop"
 * @param sample the sample it opens (its folder's name)
 * @param steps  in order; the last one only says what was learnt
 */
public record Lesson(String id, String sample, List<Step> steps) {
    /**
     * One step: what to do, and how to know it is done.
     *
     * @param done true once the student has done it (null for the last step, which waits for Finish)
     */
    public record Step(Predicate<LessonState> done) {
    }

    /** @return the key of step {@code i}'s text (0-based) */
    public String textKey(int i) {
        return "lesson." + id + "." + (i + 1);
    }

    public String titleKey() {
        return "lesson." + id + ".title";
    }

    public String summaryKey() {
        return "lesson." + id + ".summary";
    }
}
