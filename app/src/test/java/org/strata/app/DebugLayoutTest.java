package org.strata.app;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DebugLayoutTest extends AppTest {
    @Test
    void dump() throws Exception {
        fxRun(() -> window.open(sample("mnist-cnn")));
        Thread.sleep(500);
        fx(() -> {
            for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                System.out.println("WINDOW " + w + " " + w.getX() + "," + w.getY() + " " + w.getWidth() + "x" + w.getHeight());
            }
            dumpNode(window.stage().getScene().getRoot(), 0);
            return null;
        });
        var img = capture(new javafx.geometry.BoundingBox(0, 0, 1600, 1000)).getImage();
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", new java.io.File("/tmp/dbg4.png"));
    }

    static void dumpNode(Node n, int depth) {
        if (depth > 7) return;
        var b = n.localToScene(n.getBoundsInLocal());
        if (b.getWidth() > 600 || depth < 3) System.out.println("  ".repeat(depth) + n.getClass().getSimpleName() + " " + n.getStyleClass() + " " + (int) b.getMinX() + "," + (int) b.getMinY() + " " + (int) b.getWidth() + "x" + (int) b.getHeight() + (n.isVisible() ? "" : " HIDDEN"));
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) dumpNode(c, depth + 1);
    }
}
