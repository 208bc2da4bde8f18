package org.strata.app.window;

import java.util.concurrent.CompletableFuture;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.util.Duration;
import org.strata.app.i18n.Messages;
import org.strata.engine.runtime.NativeCache;

/**
 * The first start of an installed Strata: while ND4J unpacks its native libraries into the per-user cache (a few
 * hundred MB, once), a small window says so with the megabytes done; it closes by itself when the engine is loaded.
 */
public final class StartupSplash {
    private static final double MB = 1024 * 1024;
    private static volatile double shownSeconds = -1;

    private StartupSplash() {
    }

    /** @return how long this start's splash showed, in seconds; negative when it did not (nothing to unpack) */
    public static double shownSeconds() {
        return shownSeconds;
    }

    /**
     * Shows the splash until {@code engine} completes, then closes it and runs {@code then} (on the JavaFX thread,
     * whether loading worked or not: the main window says what failed).
     */
    public static void show(NativeCache natives, CompletableFuture<Void> engine, Runnable then) {
        Stage stage = new Stage(StageStyle.UNDECORATED);
        stage.setTitle("Strata");
        stage.getIcons().setAll(AppIcons.all());
        Label title = new Label("Strata");
        title.setStyle("-fx-font-size: 22px; -fx-font-weight: bold;");
        ImageView icon = new ImageView(AppIcons.of(64));
        long totalMb = Math.round(natives.totalBytes() / MB);
        Label what = new Label(Messages.get("splash.unpacking", totalMb));
        what.setWrapText(true);
        what.setMaxWidth(380);
        ProgressBar bar = new ProgressBar(natives.progress());
        bar.setPrefWidth(380);
        bar.setId("splash-progress");
        Label done = new Label();
        done.setStyle("-fx-text-fill: #57606a;");
        VBox box = new VBox(12, icon, title, what, bar, done);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(28, 32, 28, 32));
        box.setStyle("-fx-background-color: white; -fx-border-color: #d0d7de;");
        stage.setScene(new Scene(box));
        long total = natives.totalBytes();
        Timeline poll = new Timeline(new KeyFrame(Duration.millis(100), e -> {
            long cached = natives.cachedBytes(); // one look at the files a tick (the JavaFX thread's time)
            bar.setProgress(total == 0 ? 1 : (double) cached / total);
            done.setText(cached >= total ? Messages.get("splash.loading")
                    : Messages.get("splash.progress", Math.round(cached / MB), totalMb));
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
        stage.show();
        long shownAt = System.nanoTime();
        engine.whenComplete((ok, error) -> javafx.application.Platform.runLater(() -> {
            poll.stop();
            shownSeconds = (System.nanoTime() - shownAt) / 1e9;
            then.run(); // the main window first: with no window open JavaFX would take the close for the end
            stage.close();
        }));
    }
}
