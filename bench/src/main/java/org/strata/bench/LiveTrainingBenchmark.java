package org.strata.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import org.strata.app.training.TrainingRun;
import org.strata.app.window.MainWindow;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.train.TrainingEvent;
import org.strata.engine.train.TrainingListener;
import org.strata.engine.train.TrainingSession;

/**
 * What watching costs: the seed CNN trained from the real window with the live views showing (loss and metric
 * charts, then the Layers tab with a convolution's feature maps and histograms, the canvas indicators) against the
 * same training headless, runs alternated; and the longest gap between two JavaFX pulses while it trains (a
 * stutter the user would see).
 *
 * <p>Usage: {@code bench/live [--epochs N] [--runs N] [--sample NAME] [--verbose]} ({@code --verbose} lists
 * every pulse gap over 50 ms and what the JavaFX and render threads were doing during late pulses, see
 * {@link StallSampler}; add {@code BENCH_JAVA_OPTS=-Dbench.timeline=true} for each sample with its time).
 * JavaFX runs headless (Monocle, software
 * rendering) at its normal 60 Hz pulse. Throughput is the engine's samples/s per epoch, the first epoch of each run
 * (warm-up, thread tuning) left out.
 */
public final class LiveTrainingBenchmark {
    private static boolean VERBOSE;
    private static long layersAt;

    private LiveTrainingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = BenchSupport.intArg(args, "--epochs", 4);
        int runs = BenchSupport.intArg(args, "--runs", 3);
        String sample = BenchSupport.stringArg(args, "--sample", "mnist-cnn");
        VERBOSE = List.of(args).contains("--verbose");
        BenchSupport.headless();
        Path project = Path.of("sample-projects", sample, sample + ProjectFile.EXTENSION).toAbsolutePath();
        org.strata.engine.runtime.NativeSetup.warmUp(); // as the app does when it starts

        MainWindow[] window = {BenchSupport.openWindow()};

        List<Double> headless = new ArrayList<>();
        List<Double> sameThreads = new ArrayList<>();
        List<Double> live = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        List<Double> p99s = new ArrayList<>();
        for (int r = 1; r <= runs; r++) {
            double h = headless(project, epochs, Integer.MAX_VALUE);
            headless.add(h);
            double h1 = headless(project, epochs, org.strata.engine.runtime.Threads.available() - 1);
            sameThreads.add(h1);
            double[] w = inWindow(window[0], project, epochs);
            live.add(w[0]);
            gaps.add(w[1]);
            p99s.add(w[2]);
            System.out.printf(Locale.ROOT, "run %d: headless %,.0f samples/s (with the window's thread limit %,.0f) ·"
                    + " in the window %,.0f samples/s · longest pulse gap %.0f ms (p99 %.0f ms)%n", r, h, h1, w[0],
                    w[1], w[2]);
        }
        double mh = median(headless);
        double m1 = median(sameThreads);
        double ml = median(live);
        // The first run in a fresh window also pays for loading and compiling the views' code (a user's first
        // minute); later runs show the steady state.
        List<Double> warmGaps = gaps.size() > 1 ? gaps.subList(1, gaps.size()) : gaps;
        List<Double> warmP99 = p99s.size() > 1 ? p99s.subList(1, p99s.size()) : p99s;
        System.out.printf(Locale.ROOT, "%s, %d epochs, medians of %d alternated runs: headless %,.0f samples/s "
                        + "(all cores), %,.0f with the window's limit of %d native thread(s); with the live views "
                        + "%,.0f samples/s: %.1f %% slower than headless on all cores, %.1f %% than on the same threads "
                        + "(target <= 5 %%); longest pulse gap %.0f ms in the first run (cold), %.0f ms in later runs "
                        + "(p99 %.0f ms; target < 50 ms)%n", sample, epochs, runs, mh,
                m1, Math.max(1, org.strata.engine.runtime.Threads.available() - 1), ml, 100 * (1 - ml / mh),
                100 * (1 - ml / m1), gaps.get(0), Collections.max(warmGaps), Collections.max(warmP99));
        Platform.exit();
        System.exit(0);
    }

    /**
     * @return median samples/s of epochs 2.. of a run with no listener but the epoch recorder, its thread count
     *     measured among counts up to {@code threadLimit}
     */
    private static double headless(Path file, int epochs, int threadLimit) throws Exception {
        Project p = ProjectFile.load(file);
        TrainingSession s = TrainingSession.create(p);
        s.setThreadLimit(threadLimit);
        s.setEpochs(epochs);
        List<Double> sps = new ArrayList<>();
        s.addListener(new TrainingListener() {
            @Override
            public void onEpoch(TrainingEvent.Epoch e) {
                sps.add(e.samplesPerSecond());
            }
        });
        s.run();
        return median(sps.subList(1, sps.size()));
    }

    /**
     * @return {median samples/s of epochs 2.., longest pulse gap ms, 99th percentile gap ms}, gaps counted from the
     *     moment training runs (not while the project opens and its data loads)
     */
    private static double[] inWindow(MainWindow window, Path file, int epochs) throws Exception {
        List<Long> pulses = Collections.synchronizedList(new ArrayList<>());
        long[] lastPulse = {System.nanoTime()};
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                pulses.add(t);
                lastPulse[0] = t;
            }
        };
        StallSampler sampler = VERBOSE ? StallSampler.start(() -> lastPulse[0]) : null;
        BenchSupport.onFx(() -> {
            window.open(file);
            var doc = window.editor().orElseThrow().document();
            doc.project().training().set("epochs", epochs);
            doc.selection().set(List.of(doc.graph().nodes().stream().filter(n -> n.type().id().equals("Conv2D"))
                    .findFirst().orElse(doc.graph().nodes().iterator().next()).id()));
            timer.start();
            window.run().orElseThrow().start();
        });
        TrainingRun run = window.run().orElseThrow();
        long[] trainingFrom = {Long.MAX_VALUE};
        BenchSupport.onFx(() -> run.phaseProperty().addListener((o, a, b) -> {
            if (b == org.strata.engine.train.TrainingState.RUNNING && trainingFrom[0] == Long.MAX_VALUE) {
                trainingFrom[0] = System.nanoTime();
                if (sampler != null) sampler.arm();
            }
        }));
        boolean layersShown = false;
        while (true) {
            Thread.sleep(100);
            boolean[] state = new boolean[2];
            BenchSupport.onFx(() -> {
                state[0] = run.isActive();
                state[1] = run.curves().epochSamplesPerSecond().size() >= Math.max(1, epochs / 2);
            });
            if (!state[0]) break;
            if (state[1] && !layersShown) { // the second half with the Layers tab in front
                layersShown = true;
                layersAt = System.nanoTime();
                BenchSupport.onFx(() -> dock(window).getSelectionModel().select(
                        dock(window).getTabs().stream().filter(t -> "tab-layers".equals(t.getId())).findFirst()
                                .orElseThrow()));
            }
        }
        List<Double> sps = new ArrayList<>();
        BenchSupport.onFx(() -> {
            timer.stop();
            sps.addAll(run.curves().epochSamplesPerSecond());
        });
        if (sampler != null) sampler.stopAndPrint();
        List<Double> gaps = new ArrayList<>();
        synchronized (pulses) {
            for (int i = 1; i < pulses.size(); i++) {
                if (pulses.get(i - 1) < trainingFrom[0]) continue; // opening the project and loading its data
                double gap = (pulses.get(i) - pulses.get(i - 1)) / 1e6;
                gaps.add(gap);
                if (gap > 50 && VERBOSE) {
                    System.out.printf(Locale.ROOT, "  pulse gap %.0f ms at %.2f s (Layers tab shown at %.2f s)%n", gap,
                            (pulses.get(i - 1) - pulses.get(0)) / 1e9, (layersAt - pulses.get(0)) / 1e9);
                    System.out.printf(Locale.ROOT, "    (at %.3f s on the sampler's clock)%n",
                            (pulses.get(i - 1) - StallSampler.T0) / 1e9);
                }
            }
        }
        Collections.sort(gaps);
        double p99 = gaps.isEmpty() ? 0 : gaps.get((int) Math.min(gaps.size() - 1, Math.round(gaps.size() * 0.99)));
        return new double[]{median(sps.subList(1, sps.size())), gaps.isEmpty() ? 0 : gaps.get(gaps.size() - 1), p99};
    }

    private static TabPane dock(MainWindow window) {
        return (TabPane) window.stage().getScene().getRoot().lookup(".dock");
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.isEmpty() ? Double.NaN : s.size() % 2 == 1 ? s.get(s.size() / 2)
                : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }
}
