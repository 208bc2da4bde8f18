package org.strata.app.lessons;

import java.util.List;
import java.util.Optional;
import org.strata.engine.backprop.StepPhase;
import org.strata.engine.train.TrainingState;

/** The lessons of the primer, in the order a course would take them. */
public final class Lessons {
    private Lessons() {
    }

    private static Lesson.Step when(java.util.function.Predicate<LessonState> done) {
        return new Lesson.Step(done);
    }

    private static final Lesson.Step END = new Lesson.Step(null);

    /** A line through points: y = w·x + b, and the loss surface the optimizer walks down. */
    static final Lesson LINE = new Lesson("line", "linear-regression", List.of(
            when(s -> s.tab().equals("tab-surface")),
            when(s -> s.runsEnded() >= 1),
            END));

    /** Why XOR needs a hidden layer: take it out, train, put it back, train. */
    static final Lesson XOR = new Lesson("xor", "xor", List.of(
            when(s -> !s.nodes().contains("hidden")),
            when(s -> s.wires().contains("input→dense")),
            when(s -> s.runsEnded() >= 1),
            when(s -> s.nodes().contains("hidden") && s.wires().contains("hidden→dense")),
            when(s -> s.runsEnded() >= 2),
            END));

    /** What backpropagation computes: one step of XOR's network, phase by phase. */
    static final Lesson BACKPROP = new Lesson("backprop", "xor", List.of(
            when(LessonState::stepping),
            when(s -> s.stepping() && s.stepIndex() >= 1),
            when(s -> s.stepKind() == StepPhase.Kind.LOSS),
            when(s -> s.stepKind() == StepPhase.Kind.BACKWARD),
            when(s -> s.stepKind() == StepPhase.Kind.UPDATE),
            END));

    /** What a convolution sees: the seed CNN's feature maps. */
    static final Lesson CONVOLUTION = new Lesson("convolution", "mnist-cnn", List.of(
            when(s -> s.phase() == TrainingState.PAUSED || s.runsEnded() >= 1),
            when(s -> s.tab().equals("tab-layers") && s.selection().equals(List.of("conv1"))),
            END));

    /** Learning rate too high, too low. */
    static final Lesson RATE = new Lesson("rate", "linear-regression", List.of(
            when(s -> s.learningRate() >= 1.0),
            when(s -> s.runsEnded() >= 1),
            when(s -> s.learningRate() <= 0.001),
            when(s -> s.runsEnded() >= 2),
            when(s -> s.learningRate() >= 0.01 && s.learningRate() <= 0.5 && s.runsEnded() >= 3),
            END));

    /** The highest temperature a student reaches by dragging the slider to 1.5 (its label rounds to one decimal). */
    static final double BOLD = 1.45;

    /**
     * How a GPT writes: the Tang poems' characters as tokens, the embedding, the live line while it trains, the
     * next-token bars, one head's attention, and greedy against bold sampling.
     */
    static final Lesson GPT = new Lesson("gpt", "tang-poems", List.of(
            when(s -> s.tab().equals("tab-data")),
            when(s -> s.selection().equals(List.of("embedding"))),
            when(s -> s.epochs() >= 3 || s.runsEnded() >= 1),
            when(s -> s.temperatures().size() >= 2),
            when(s -> s.headsShown() >= 2),
            when(s -> s.temperatures().stream().filter(t -> t == 0).count() >= 2),
            when(s -> s.temperatures().stream().anyMatch(t -> t >= BOLD)),
            END));

    /** @return every lesson */
    public static List<Lesson> all() {
        return List.of(LINE, XOR, BACKPROP, CONVOLUTION, RATE, GPT);
    }

    /** @return the lesson with this id */
    public static Optional<Lesson> of(String id) {
        return all().stream().filter(l -> l.id().equals(id)).findFirst();
    }
}
