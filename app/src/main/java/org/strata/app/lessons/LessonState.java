package org.strata.app.lessons;

import java.util.List;
import java.util.Set;
import org.strata.engine.backprop.StepPhase;
import org.strata.engine.train.TrainingState;

/**
 * What a lesson's step looks at to know the student has done it.
 *
 * @param phase        the run's state
 * @param runsEnded    runs that have ended (finished, stopped or failed) since the lesson opened its sample
 * @param nodes        the graph's node ids
 * @param wires        the graph's wires as "from→to"
 * @param selection    the selected node ids
 * @param learningRate the project's learning rate
 * @param tab          the id of the dock tab in front ("tab-surface")
 * @param stepping     Step Through is on with a traced step
 * @param stepKind     the phase Step Through is in (null when not stepping)
 * @param stepIndex    its position among the step's phases (−1 when not stepping)
 * @param epochs       epochs the run under way (or the last one) has trained
 * @param temperatures the temperature of each writing the student asked of Try it (0: greedy), oldest first
 * @param headsShown   how many different attention heads Try it has shown the weights of, for a new token
 */
public record LessonState(TrainingState phase, int runsEnded, Set<String> nodes, Set<String> wires,
                          List<String> selection, double learningRate, String tab, boolean stepping,
                          StepPhase.Kind stepKind, int stepIndex, int epochs, List<Double> temperatures,
                          int headsShown) {
}
