package org.strata.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.strata.app.i18n.Messages;
import org.strata.app.window.AppSettings;
import org.strata.app.window.MainWindow;

/**
 * The window, in a JVM of its own, training a project until {@link ResumeInTheWindowTest} kills it with
 * {@code kill -9}: {@code java ... WindowRunToKill PROJECT BATCHES_PER_SECOND}. Headless (Monocle) as the tests
 * run; a checkpoint after every epoch, at a pace slow enough to be killed mid-run.
 */
public final class WindowRunToKill {
    private WindowRunToKill() {
    }

    public static void main(String[] args) throws Exception {
        Main.quietStartupWarning();
        System.setProperty("strata.settings", "test");
        System.setProperty("strata.recovery", Files.createTempDirectory("strata-recovery").toString());
        Path project = Path.of(args[0]);
        double pace = Double.parseDouble(args[1]);
        Platform.startup(() -> {
            Messages.setLocale(Locale.ENGLISH);
            Stage stage = new Stage();
            MainWindow window = new MainWindow(stage, AppSettings.load());
            stage.show();
            window.open(project);
            var run = window.run().orElseThrow();
            run.setCheckpointEvery(0);
            run.setPace(pace);
            run.start();
            System.out.println("training " + project);
        });
        Thread.sleep(Long.MAX_VALUE); // until killed
    }
}
