package org.strata.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import org.strata.app.canvas.GraphCanvas;
import org.strata.app.window.MainWindow;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.LayerCatalogue;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.project.TrainingSettings;

/**
 * The editor with a generated 1,000-node graph: time to open it (file read, analysis, views, first frame), and the
 * frame time while a node is dragged with the mouse, with the whole graph in view (zoomed out) and at 100 %.
 *
 * <p>Usage: {@code bench/canvas [--nodes N] [--frames N]}. Runs JavaFX headless (Monocle, software rendering) with
 * pulses at full speed, so a frame's time is the work it takes, not the 60 Hz tick; with {@code --window} it uses
 * the real display instead (e.g. under Xvfb).
 */
public final class CanvasBenchmark {
    private CanvasBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = BenchSupport.intArg(args, "--nodes", 1000);
        int frames = BenchSupport.intArg(args, "--frames", 300);
        if (List.of(args).contains("--window")) {
            BenchSupport.testSettings();
        } else {
            BenchSupport.headless();
        }
        System.setProperty("javafx.animation.fullspeed", "true");
        Path file = Files.createTempFile("strata-bench-", ProjectFile.EXTENSION);
        ProjectFile.save(generated(nodes), file);

        MainWindow[] window = {BenchSupport.openWindow()};
        for (int i = 0; i < 2; i++) {
            double openMs = timeToFirstFrame(() -> window[0].open(file));
            System.out.printf(Locale.ROOT, "open a %,d-node graph (read, analyse, build views, first frame): %.0f ms%s%n",
                    nodes, openMs, i == 0 ? " (cold)" : " (warm)");
            if (i == 0) BenchSupport.onFx(window[0]::newProject);
        }
        GraphCanvas canvas = window[0].editor().orElseThrow().canvas();
        BenchSupport.onFx(canvas::fitToWindow);
        report("dragging a node, whole graph in view (zoom " + pct(canvas) + ")", drag(canvas, frames));
        BenchSupport.onFx(canvas::fitToWindow);
        report("panning, whole graph in view", gesture(canvas, frames, Gesture.PAN));
        BenchSupport.onFx(canvas::fitToWindow);
        report("zooming with the wheel from the whole graph", gesture(canvas, frames, Gesture.ZOOM));
        BenchSupport.onFx(() -> {
            canvas.fitToWindow();
            canvas.zoomAt(1 / canvas.zoom(), canvas.getWidth() / 2, canvas.getHeight() / 2);
        });
        report("dragging a node at zoom " + pct(canvas), drag(canvas, frames));
        report("panning at zoom 100 %", gesture(canvas, frames, Gesture.PAN));
        Platform.exit();
        Files.deleteIfExists(file);
        System.exit(0);
    }

    /** A chain Input → Dense × (n−2) → Output, laid out as a snake of rows 40 nodes wide. */
    static Project generated(int n) {
        Graph g = new Graph();
        String prev = null;
        for (int i = 0; i < n; i++) {
            String type = i == 0 ? "Input" : i == n - 1 ? "Output" : "Dense";
            Node node = Node.of(type.toLowerCase(Locale.ROOT) + i, LayerCatalogue.get(type));
            if (type.equals("Dense")) node.params().set("units", 16);
            node.moveTo((i % 40) * 280.0, (i / 40) * 160.0);
            g.add(node);
            if (prev != null) g.connect(prev, node.id());
            prev = node.id();
        }
        return new Project("Generated " + n, "", g, null, TrainingSettings.defaults());
    }

    /** Runs {@code action} on the JavaFX thread; returns ms until the first frame after it has been shown. */
    private static double timeToFirstFrame(Runnable action) throws Exception {
        CompletableFuture<Double> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            long t0 = System.nanoTime();
            action.run();
            new AnimationTimer() {
                private int seen;

                @Override
                public void handle(long now) {
                    // the second pulse after the action: the first has laid out and rendered the new views
                    if (++seen == 2) {
                        stop();
                        done.complete((System.nanoTime() - t0) / 1e6);
                    }
                }
            }.start();
        });
        return done.get(120, TimeUnit.SECONDS);
    }

    /** Drags the node nearest the canvas centre with the mouse, one step per frame; returns each frame's ms. */
    private static List<Double> drag(GraphCanvas canvas, int frames) throws Exception {
        CompletableFuture<List<Double>> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            Robot robot = new Robot();
            Bounds b = canvas.localToScreen(canvas.getLayoutBounds());
            var target = canvas.toWorld(canvas.getWidth() / 2, canvas.getHeight() / 2);
            String id = null;
            double best = Double.MAX_VALUE;
            for (javafx.scene.Node n : canvas.lookupAll(".node-view")) {
                var v = (org.strata.app.canvas.NodeView) n;
                double d = Math.hypot(v.getLayoutX() - target.getX(), v.getLayoutY() - target.getY());
                if (d < best) {
                    best = d;
                    id = v.nodeId();
                }
            }
            var view = canvas.nodeView(id).orElseThrow();
            var grip = view.localToScreen(NodeGrip.X, NodeGrip.Y);
            robot.mouseMove(grip);
            robot.mousePress(MouseButton.PRIMARY);
            everyFrame(frames, done, step -> {
                double dx = 120 * Math.sin(step / 20.0);
                robot.mouseMove(Math.min(b.getMaxX() - 5, grip.getX() + dx), grip.getY() + dx / 3);
            }, () -> robot.mouseRelease(MouseButton.PRIMARY));
        });
        return done.get(300, TimeUnit.SECONDS);
    }

    private enum Gesture { PAN, ZOOM }

    /** Pans with the right button, or turns the wheel in and out, one step per frame; returns each frame's ms. */
    private static List<Double> gesture(GraphCanvas canvas, int frames, Gesture g) throws Exception {
        CompletableFuture<List<Double>> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            Robot robot = new Robot();
            var centre = canvas.localToScreen(canvas.getWidth() / 2, canvas.getHeight() / 2);
            robot.mouseMove(centre);
            if (g == Gesture.PAN) robot.mousePress(MouseButton.SECONDARY);
            everyFrame(frames, done, step -> {
                if (g == Gesture.PAN) {
                    double d = 200 * Math.sin(step / 25.0);
                    robot.mouseMove(centre.getX() + d, centre.getY() + d / 2);
                } else {
                    robot.mouseWheel((step / 20) % 2 == 0 ? -1 : 1); // 20 notches in, 20 out, …
                }
            }, () -> {
                if (g == Gesture.PAN) robot.mouseRelease(MouseButton.SECONDARY);
            });
        });
        return done.get(300, TimeUnit.SECONDS);
    }

    /**
     * Runs {@code step} once per frame for {@code frames} frames, then {@code end}, and completes {@code done} with
     * each frame's time in ms (the interval between pulses, which run at full speed here).
     */
    private static void everyFrame(int frames, CompletableFuture<List<Double>> done,
                                   java.util.function.IntConsumer step, Runnable end) {
        List<Double> times = new ArrayList<>();
        new AnimationTimer() {
            private long last;
            private int n;

            @Override
            public void handle(long now) {
                if (last != 0) times.add((now - last) / 1e6);
                last = now;
                if (n++ == frames) {
                    end.run();
                    stop();
                    done.complete(times);
                    return;
                }
                step.accept(n);
            }
        }.start();
    }

    /** Where the drag grips a node: on its title, away from the ports. */
    private static final class NodeGrip {
        static final double X = 60;
        static final double Y = 14;
    }

    private static void report(String what, List<Double> ms) {
        List<Double> s = new ArrayList<>(ms);
        s.sort(Double::compare);
        double median = s.get(s.size() / 2);
        double p95 = s.get((int) (s.size() * 0.95));
        System.out.printf(Locale.ROOT, "%s: frame time median %.1f ms, 95th percentile %.1f ms, max %.1f ms "
                + "(%d frames)%n", what, median, p95, s.get(s.size() - 1), s.size());
    }

    private static String pct(GraphCanvas c) {
        return Math.round(c.zoom() * 100) + " %";
    }
}
