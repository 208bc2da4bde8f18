package org.strata.app.window;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.strata.app.i18n.Catalogue;
import org.strata.app.i18n.Messages;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;

/**
 * What Strata shows on launch and on New: a blank project, the sample projects as cards with a picture of their
 * graph and one line on what they teach, and the recent files.
 */
final class StartPage extends ScrollPane {
    StartPage(boolean dark, List<Path> recent, Runnable onBlank, Consumer<Path> onOpen, Runnable onBrowse,
              Consumer<org.strata.app.lessons.Lesson> onLesson) {
        getStyleClass().add("start-page");
        setFitToWidth(true);
        VBox body = new VBox(16);
        body.getStyleClass().add("start-body");
        body.setPadding(new Insets(32, 40, 32, 40));
        Label title = new Label(Messages.get("start.title"));
        title.getStyleClass().add("start-title");
        Label subtitle = new Label(Messages.get("start.subtitle"));
        subtitle.getStyleClass().add("start-subtitle");
        subtitle.setWrapText(true);
        FlowPane cards = new FlowPane(16, 16);
        cards.setRowValignment(javafx.geometry.VPos.TOP);
        cards.getStyleClass().add("start-cards");
        FontIcon plus = new FontIcon(MaterialDesignP.PLUS_BOX_OUTLINE);
        plus.getStyleClass().add("card-icon");
        Button blank = card(Messages.get("start.blank"), Messages.get("start.blank.description"), plus);
        blank.setId("start-blank");
        blank.setOnAction(e -> onBlank.run());
        cards.getChildren().add(blank);
        for (Path p : Samples.all()) {
            try {
                Project project = ProjectFile.load(p);
                String folder = p.getParent().getFileName().toString();
                Button c = card(Catalogue.sample(folder, "name", project.name()),
                        Catalogue.sample(folder, "description", project.description()), new GraphThumbnail(project.graph(), 220, 90,
                        dark ? Color.web("#58a6ff") : Color.web("#0969da"),
                        dark ? Color.web("#8b949e") : Color.web("#8c959f")));
                c.setId("sample-" + p.getFileName().toString().replace(ProjectFile.EXTENSION, ""));
                c.setOnAction(e -> onOpen.accept(p));
                cards.getChildren().add(c);
            } catch (Exception e) {
                // A broken sample is left off the page rather than blocking it; opening it by hand says why.
            }
        }
        Label lessonsTitle = new Label(Messages.get("start.lessons"));
        lessonsTitle.getStyleClass().add("start-section");
        FlowPane lessons = new FlowPane(16, 16);
        lessons.setRowValignment(javafx.geometry.VPos.TOP);
        lessons.getStyleClass().add("start-cards");
        for (org.strata.app.lessons.Lesson l : org.strata.app.lessons.Lessons.all()) {
            FontIcon hat = new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignS.SCHOOL_OUTLINE);
            hat.getStyleClass().add("card-icon");
            Button c = card(Messages.get(l.titleKey()), Messages.get(l.summaryKey()), hat);
            c.setId("lesson-" + l.id());
            c.setOnAction(e -> onLesson.accept(l));
            lessons.getChildren().add(c);
        }
        Label samplesTitle = new Label(Messages.get("start.samples"));
        samplesTitle.getStyleClass().add("start-section");
        body.getChildren().addAll(title, subtitle, lessonsTitle, lessons, samplesTitle, cards);
        Button browse = new Button(Messages.get("start.open"), new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        browse.setOnAction(e -> onBrowse.run());
        body.getChildren().add(browse);
        if (!recent.isEmpty()) {
            Label r = new Label(Messages.get("start.recent"));
            r.getStyleClass().add("start-section");
            body.getChildren().add(r);
            for (Path p : recent) {
                Hyperlink link = new Hyperlink(p.getFileName() + "  —  " + p.getParent());
                link.setOnAction(e -> onOpen.accept(p));
                body.getChildren().add(link);
            }
        }
        setContent(body);
    }

    private static Button card(String name, String description, javafx.scene.Node picture) {
        VBox box = new VBox(6);
        javafx.scene.layout.StackPane frame = new javafx.scene.layout.StackPane(picture);
        frame.setMinSize(220, 90);
        frame.setPrefSize(220, 90);
        frame.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.getChildren().add(frame);
        Label n = new Label(name);
        n.getStyleClass().add("card-title");
        n.setWrapText(true);
        Label d = new Label(description);
        d.getStyleClass().add("card-description");
        d.setWrapText(true);
        box.getChildren().addAll(n, d);
        // The text's width is set in ems (strata.css): a wrapped label's height follows from it, so a card is as tall
        // as its text at any text size (a fixed 220 px cut the description at the projector's size).
        n.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        d.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Button b = new Button(null, box);
        b.getStyleClass().add("start-card");
        b.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        return b;
    }
}
