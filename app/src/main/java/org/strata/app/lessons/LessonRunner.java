package org.strata.app.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.strata.app.document.EditorDocument;
import org.strata.app.training.StepThrough;
import org.strata.app.training.TrainingRun;
import org.strata.engine.train.TrainingState;

/**
 * The lesson under way and its step: opens the lesson's sample, watches the document, the run, Step Through and the
 * dock for the student's action, and moves on when a step is done. Views observe {@link #versionProperty()}.
 */
public final class LessonRunner {
    private final Consumer<String> openSample;
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper(this, "version", 0);
    private Lesson lesson;
    private int step;
    private EditorDocument document;
    private TrainingRun run;
    private String tab = "";
    private int runsEnded;
    private final List<Runnable> detach = new ArrayList<>();

    /** @param openSample opens a bundled sample by its folder's name ("xor") */
    public LessonRunner(Consumer<String> openSample) {
        this.openSample = openSample;
    }

    /** Starts {@code l} from its first step, opening its sample. */
    public void start(Lesson l) {
        lesson = l;
        step = 0;
        openSample.accept(l.sample());
        runsEnded = 0;
        changed();
        check();
    }

    /** Watches this document and its runs from now on (a sample was opened, or another file). */
    public void attach(EditorDocument d, TrainingRun r) {
        detach.forEach(Runnable::run);
        detach.clear();
        document = d;
        run = r;
        runsEnded = 0;
        InvalidationListener recheck = o -> check();
        d.revisionProperty().addListener(recheck);
        d.selection().versionProperty().addListener(recheck);
        r.stepThrough().versionProperty().addListener(recheck);
        r.writing().log().versionProperty().addListener(recheck);
        r.curves().progressTextProperty().addListener(recheck); // an epoch ended
        javafx.beans.value.ChangeListener<TrainingState> phase = (o, a, b) -> {
            if (b.isOver() && !a.isOver()) runsEnded++;
            check();
        };
        r.phaseProperty().addListener(phase);
        detach.add(() -> {
            d.revisionProperty().removeListener(recheck);
            d.selection().versionProperty().removeListener(recheck);
            r.stepThrough().versionProperty().removeListener(recheck);
            r.writing().log().versionProperty().removeListener(recheck);
            r.curves().progressTextProperty().removeListener(recheck);
            r.phaseProperty().removeListener(phase);
        });
        check();
    }

    /** The dock tab in front changed. */
    public void tabChanged(String id) {
        tab = id == null ? "" : id;
        check();
    }

    /** The next step, without waiting for its action (or Finish on the last). */
    public void next() {
        if (lesson == null) return;
        if (step < lesson.steps().size() - 1) {
            step++;
            changed();
            check();
        } else {
            close();
        }
    }

    public void back() {
        if (lesson != null && step > 0) {
            step--;
            changed();
        }
    }

    public void close() {
        lesson = null;
        changed();
    }

    /** @return the lesson under way */
    public Optional<Lesson> lesson() {
        return Optional.ofNullable(lesson);
    }

    /** @return its current step, from 0 */
    public int step() {
        return step;
    }

    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** Moves past every step already done (an action may do two at once). */
    private void check() {
        if (lesson == null || document == null) return;
        boolean moved = false;
        while (step < lesson.steps().size() - 1 && lesson.steps().get(step).done().test(state())) {
            step++;
            moved = true;
        }
        if (moved) changed();
    }

    /** @return what the steps look at, now */
    LessonState state() {
        var graph = document.graph();
        StepThrough st = run.stepThrough();
        var phase = st.isActive() ? st.phase() : Optional.<org.strata.engine.backprop.StepPhase>empty();
        return new LessonState(run.phase(), runsEnded,
                graph.nodes().stream().map(org.strata.engine.graph.Node::id).collect(Collectors.toSet()),
                graph.edges().stream().map(e -> e.from().node() + "→" + e.to().node()).collect(Collectors.toSet()),
                document.selection().nodes(), document.project().training().getDouble("learningRate"), tab,
                phase.isPresent(), phase.map(org.strata.engine.backprop.StepPhase::kind).orElse(null),
                phase.isPresent() ? st.phaseIndex() : -1, run.curves().epochSamplesPerSecond().size(),
                run.writing().log().temperatures(), run.writing().log().headsShown());
    }

    private void changed() {
        version.set(version.get() + 1);
    }
}
