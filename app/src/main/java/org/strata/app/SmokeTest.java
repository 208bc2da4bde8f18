package org.strata.app;

import org.strata.engine.train.TrainingState;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;
import org.strata.app.training.TrainingRun;
import org.strata.app.window.MainWindow;
import org.strata.app.window.Samples;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;

/**
 * {@code --smoke-test [PROJECT] [--save-to FILE]}: proves an installed Strata works, in its real window. Opens the
 * project (the bundled {@code xor} sample by default), trains a batch, saves it (to a temporary file
 * unless {@code --save-to} names one), reads the saved file back, prints what it did with the start-up times and
 * exits 0; anything that fails or takes over two minutes prints why and exits 1.
 */
final class SmokeTest {
    static final String FLAG = "--smoke-test";
    private static final long LIMIT_MS = 120_000;

    private final MainWindow window;
    private final Path project;
    private final Path saveTo;
    private final long started = System.currentTimeMillis();
    private double shownAt; // seconds after the JVM started
    private Timeline poll;

    private SmokeTest(MainWindow window, Path project, Path saveTo) {
        this.window = window;
        this.project = project;
        this.saveTo = saveTo;
    }

    /** @return true when the app was started with {@link #FLAG} */
    static boolean asked(List<String> args) {
        return args.contains(FLAG);
    }

    /** Starts the test on the JavaFX thread, the main window shown. */
    static void start(MainWindow window, List<String> args) {
        Path project = Samples.folder().resolve("xor").resolve("xor" + ProjectFile.EXTENSION);
        Path saveTo = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--save-to") && i + 1 < args.size()) saveTo = Path.of(args.get(++i));
            else if (a.endsWith(ProjectFile.EXTENSION)) project = Path.of(a);
        }
        new SmokeTest(window, project.toAbsolutePath(), saveTo).run();
    }

    /** @return seconds since the JVM started */
    private static double sinceJvmStart() {
        return (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
    }

    private void run() {
        shownAt = sinceJvmStart();
        double splash = org.strata.app.window.StartupSplash.shownSeconds();
        say("window shown %.2f s after the JVM started (%s)", shownAt, splash < 0
                ? "native libraries already unpacked"
                : String.format(Locale.ROOT, "after %.2f s of splash while the native libraries unpacked", splash));
        try {
            if (!Files.isRegularFile(project)) fail("no project file at " + project);
            window.open(project);
            var doc = window.editor().orElseThrow(() -> new IllegalStateException("the project did not open: "
                    + project)).document();
            // one epoch in batches of 1,024: a single batch for the small samples (xor, linear regression); a larger
            // data set is stopped once a batch has been seen
            doc.project().training().set("epochs", 1).set("batchSize", 1024);
            TrainingRun run = window.run().orElseThrow();
            run.start();
            poll = new Timeline(new KeyFrame(Duration.millis(100), e -> check(run)));
            poll.setCycleCount(Timeline.INDEFINITE);
            poll.play();
        } catch (RuntimeException e) {
            fail(e.toString());
        }
    }

    private void check(TrainingRun run) {
        if (System.currentTimeMillis() - started > LIMIT_MS) fail("training did not finish within two minutes");
        if (run.phase() == TrainingState.FAILED) fail("training failed: " + run.messageProperty().get());
        if (run.isActive()) {
            if (!run.curves().history().train().isEmpty()) run.stop();
            return;
        }
        poll.stop();
        int batches = run.curves().history().train().size();
        if (batches == 0) fail("the run ended (" + run.phase() + ") without training a batch");
        double loss = run.curves().history().train().get(batches - 1)[1];
        say("engine ready and %d batch(es) trained by %.2f s, last loss %.4f", batches, sinceJvmStart(), loss);
        try {
            Path out = saveTo != null ? saveTo : Files.createTempFile("strata-smoke-", ProjectFile.EXTENSION);
            if (!window.saveTo(out)) fail("could not save to " + out);
            Project back = ProjectFile.load(out);
            say("saved %s and read it back (%d layers)", out, back.graph().nodes().size());
            if (saveTo == null) Files.deleteIfExists(out);
        } catch (Exception e) {
            fail("saving failed: " + e);
        }
        say("passed");
        Platform.exit();
        System.exit(0);
    }

    private static void say(String format, Object... args) {
        System.out.println("smoke test: " + String.format(Locale.ROOT, format, args));
    }

    private static void fail(String why) {
        System.err.println("smoke test FAILED: " + why);
        System.exit(1);
    }
}
