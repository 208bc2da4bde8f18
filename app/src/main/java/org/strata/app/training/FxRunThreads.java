package org.strata.app.training;

import java.time.Duration;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;

/** The window's threads: the JavaFX application thread, daemon threads, and JavaFX animations as clocks. */
public final class FxRunThreads implements RunThreads {
    @Override
    public void ui(Runnable r) {
        Platform.runLater(r);
    }

    @Override
    public void background(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public Clock every(Duration period, Runnable tick) {
        Timeline timeline = new Timeline(new KeyFrame(javafx.util.Duration.millis(period.toMillis()), e -> tick.run()));
        timeline.setCycleCount(Timeline.INDEFINITE);
        return clock(timeline);
    }

    @Override
    public Clock after(Duration delay, Runnable action) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        pause.setOnFinished(e -> action.run());
        return clock(pause);
    }

    private static Clock clock(Animation a) {
        return new Clock() {
            @Override
            public void start() {
                if (a.getStatus() != Animation.Status.RUNNING) a.playFromStart();
            }

            @Override
            public void stop() {
                a.stop();
            }

            @Override
            public boolean running() {
                return a.getStatus() == Animation.Status.RUNNING;
            }
        };
    }
}
