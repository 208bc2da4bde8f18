package org.strata.app.training;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ClipboardContent;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.strata.app.i18n.Messages;

/**
 * Makes the charts' viewers, each with a right-click menu in the user's language: save the chart as a PNG (drawn
 * at twice the size on screen, sharp on slides and printouts) or copy it to the clipboard.
 */
public final class ChartViewers {
    /** Exported pictures are drawn at this multiple of the on-screen size. */
    public static final int EXPORT_SCALE = 2;

    private ChartViewers() {
    }

    /** @return a viewer of {@code chart} with id {@code id}; its PNG is offered as {@code fileName} */
    static ChartViewer of(JFreeChart chart, String id, String fileName) {
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId(id);
        MenuItem save = new MenuItem(Messages.get("chart.savePng"));
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Messages.get("chart.savePng"));
            chooser.setInitialFileName(fileName);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
            var file = chooser.showSaveDialog(viewer.getScene().getWindow());
            if (file == null) return;
            try {
                writePng(chart, (int) viewer.getWidth(), (int) viewer.getHeight(), file.toPath());
            } catch (IOException ex) {
                new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                        Messages.get("chart.saveFailed", file, ex.getMessage())).show();
            }
        });
        MenuItem copy = new MenuItem(Messages.get("chart.copy"));
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putImage(SwingFXUtils.toFXImage(render(chart, (int) viewer.getWidth(), (int) viewer.getHeight()), null));
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        });
        save.setId(id + "-save");
        copy.setId(id + "-copy");
        viewer.getContextMenu().getItems().setAll(save, copy);
        return viewer;
    }

    /**
     * Writes {@code chart} as it looks at {@code width} × {@code height} on screen to a PNG of
     * {@link #EXPORT_SCALE} times that size, through a temporary file so a failed write leaves no broken file.
     */
    public static void writePng(JFreeChart chart, int width, int height, Path file) throws IOException {
        BufferedImage img = render(chart, width, height);
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".strata-chart", ".png");
        try {
            ImageIO.write(img, "png", tmp.toFile());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static BufferedImage render(JFreeChart chart, int width, int height) {
        int w = Math.max(200, width);
        int h = Math.max(150, height);
        BufferedImage img = new BufferedImage(w * EXPORT_SCALE, h * EXPORT_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(EXPORT_SCALE, EXPORT_SCALE);
        chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
        g.dispose();
        return img;
    }
}
