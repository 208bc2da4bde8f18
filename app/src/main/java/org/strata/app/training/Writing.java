package org.strata.app.training;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.strata.engine.data.Dataset;
import org.strata.engine.generate.Generation;
import org.strata.engine.generate.Generator;
import org.strata.engine.generate.Sampling;
import org.strata.engine.train.TrainingState;

/**
 * What a language model writes: a prompt continued with the settings chosen, and while the run trains, a line the
 * model writes now, written again every few seconds so that a class watches gibberish turn into verse. The network's
 * weights are copied between two batches into a network of its own, which writes on a background thread: training
 * does not wait for the writing. Without views.
 */
public final class Writing {
    /** How often the line written while training is written again. */
    static final Duration LIVE_EVERY = Duration.ofSeconds(4);
    /** Tokens of the line written while training. */
    static final int LIVE_TOKENS = 48;
    /** How the line written while training is sampled: as the panel's default, a fixed seed, so lines compare. */
    static final Sampling LIVE = new Sampling(0.8, 0, 1.0, 1);

    private final TrainingRun run;
    private final RunThreads threads;
    private final ReadOnlyStringWrapper live = new ReadOnlyStringWrapper(this, "live", "");
    private final WritingLog log = new WritingLog();
    private final RunThreads.Clock clock;
    private boolean writingLive;
    private String livePrompt = "";
    /** The generator of a run that is over, kept: its weights no longer change. */
    private Generator kept;
    /** Which tokens the last generator made reads for the next one (the view shows attention over them). */
    private volatile org.strata.engine.generate.ContextWindow window;
    private Object keptFor;

    Writing(TrainingRun run, RunThreads threads) {
        this.run = run;
        this.threads = threads;
        this.clock = threads.every(LIVE_EVERY, this::writeLive);
        run.phaseProperty().addListener((o, a, phase) -> {
            kept = null;
            if (phase == TrainingState.RUNNING && writes()) {
                clock.start();
                writeLive(); // the first line at once: untrained, it is gibberish
            } else if (phase != TrainingState.RUNNING) {
                clock.stop();
            }
            if (phase == TrainingState.LOADING) live.set("");
        });
    }

    /** @return whether the run's data is a corpus, so that its network writes (a language model) */
    public boolean writes() {
        Dataset d = run.dataset();
        return d != null && d.labelSteps() > 0 && d.text().isPresent();
    }

    /** @return the line the model wrote last while it trains (empty before the first) */
    public ReadOnlyStringProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** @return what the student has had the model write in Try it (a lesson watches it) */
    public WritingLog log() {
        return log;
    }

    /** Sets the start of the line written while training (the panel's prompt). */
    public void setLivePrompt(String prompt) {
        livePrompt = prompt == null ? "" : prompt;
    }

    /**
     * Continues {@code prompt} with {@code tokens} tokens.
     *
     * @param each told of every token on the UI thread as soon as it is chosen
     * @return completes with the generation, or with why it could not be written (a message for the user)
     */
    public CompletableFuture<Generation> write(String prompt, int tokens, Sampling sampling,
                                               Consumer<Generation.Step> each) {
        CompletableFuture<Generation> done = new CompletableFuture<>();
        generator().whenComplete((g, failed) -> {
            if (failed != null) {
                done.completeExceptionally(failed);
                return;
            }
            threads.background("strata-writing", () -> {
                try {
                    done.complete(g.generate(prompt, tokens, sampling, s -> threads.ui(() -> each.accept(s))));
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
        });
        return done;
    }

    /** @return which tokens the model read to choose the last token written, once something was written */
    public java.util.Optional<org.strata.engine.generate.ContextWindow> window() {
        return java.util.Optional.ofNullable(window);
    }

    /** @return a generator of the network as it is now: kept once the run is over */
    private CompletableFuture<Generator> generator() {
        var net = run.network();
        if (net.isEmpty()) return CompletableFuture.failedFuture(new IllegalStateException("no run"));
        Object session = run.session();
        if (kept != null && keptFor == session && !run.isActive()) return CompletableFuture.completedFuture(kept);
        CompletableFuture<Generator> made = new CompletableFuture<>();
        net.get().snapshot().whenComplete((model, failed) -> {
            if (failed != null) {
                made.completeExceptionally(failed);
                return;
            }
            threads.background("strata-writing", () -> {
                try {
                    made.complete(Generator.of(model));
                } catch (IOException | RuntimeException e) {
                    made.completeExceptionally(e);
                }
            });
        });
        return made.thenApply(g -> {
            window = g.window();
            threads.ui(() -> {
                if (!run.isActive() && run.session() == session) {
                    kept = g;
                    keptFor = session;
                }
            });
            return g;
        });
    }

    /** On the UI thread, every few seconds while training: the line the model writes now. */
    private void writeLive() {
        if (writingLive || !run.isActive() || !writes()) return;
        writingLive = true;
        write(livePrompt, LIVE_TOKENS, LIVE, s -> {
        }).whenComplete((g, failed) -> threads.ui(() -> {
            writingLive = false;
            if (g != null) live.set(g.whole());
        }));
    }

    /**
     * @return written text as the live line shows it: its lines, each escaped on its own (a control character made
     * visible), empty lines dropped, a line break before the first
     */
    public static String asLines(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.isBlank()) continue;
            out.append('\n').append(org.strata.engine.text.TerminalText.escape(line));
        }
        return out.toString();
    }
}
