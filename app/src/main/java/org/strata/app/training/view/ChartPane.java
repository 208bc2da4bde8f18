package org.strata.app.training.view;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Alert;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.strata.app.i18n.Messages;

/**
 * A JFreeChart drawn off the JavaFX thread: its data changes and its drawing happen on one background thread, and
 * the window only shows the finished picture, so a chart redrawing while training never holds up a frame (drawn on
 * the JavaFX thread, a loss chart cost a frame 15–35 ms in software rendering). Changes are coalesced: only the
 * latest waiting one is applied. Right-click: Save Chart as PNG (twice the size on screen) or Copy Chart.
 */
public final class ChartPane extends Region {
    /** Exported pictures are drawn at this multiple of the on-screen size. */
    public static final int EXPORT_SCALE = 2;
    /** The one thread that touches charts after they are built. */
    private static final ExecutorService RENDERER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "strata-charts");
        t.setDaemon(true);
        return t;
    });

    private final JFreeChart chart;
    private final ImageView view = new ImageView();
    private final ContextMenu menu;
    private final AtomicReference<Runnable> pending = new AtomicReference<>();
    private volatile int width;
    private volatile int height;
    private volatile double scale = 1;
    /** Two pictures the chart thread draws into in turn, reused (a new one per redraw fed the garbage collector). */
    private final BufferedImage[] slots = new BufferedImage[2];
    /** Per slot: its picture is drawn and the window has not copied it yet. */
    private final java.util.concurrent.atomic.AtomicBoolean[] unread = {
        new java.util.concurrent.atomic.AtomicBoolean(), new java.util.concurrent.atomic.AtomicBoolean()};
    private int nextSlot;
    private WritableImage shown;

    /**
     * @param chart    the chart; after this, change it only through {@link #update}
     * @param id       the node id (tests and style sheets find the chart by it)
     * @param fileName offered when saving it as PNG
     */
    ChartPane(JFreeChart chart, String id, String fileName) {
        this.chart = chart;
        setId(id);
        getStyleClass().add("chart-pane");
        view.setManaged(false);
        getChildren().add(view);
        setMinSize(80, 60);
        setPrefSize(400, 260);
        MenuItem save = new MenuItem(Messages.get("chart.savePng"));
        save.setId(id + "-save");
        save.setOnAction(e -> saveWithChooser(fileName));
        MenuItem copy = new MenuItem(Messages.get("chart.copy"));
        copy.setId(id + "-copy");
        copy.setOnAction(e -> copyToClipboard());
        menu = new ContextMenu(save, copy);
        setOnContextMenuRequested(e -> menu.show(this, e.getScreenX(), e.getScreenY()));
        update(null);
    }

    /** @return the right-click menu's items (Save Chart as PNG, Copy Chart) */
    public java.util.List<MenuItem> menuItems() {
        return menu.getItems();
    }

    /**
     * Changes the chart (its series, styles) on the chart thread, then redraws it. A change still waiting when the
     * next arrives is replaced by it, so each must set everything it shows.
     *
     * @param change what to do to the chart, or null only to redraw
     */
    void update(Runnable change) {
        // a plain redraw (null) never replaces a data change still waiting: that one redraws too
        Runnable previous = pending.getAndUpdate(p -> change == null ? (p != null ? p : REDRAW) : change);
        if (previous == null) RENDERER.execute(this::drawWaiting);
    }

    private static final Runnable REDRAW = () -> { };

    /** On the chart thread: applies the latest change and draws the picture at the pane's size. */
    private void drawWaiting() {
        Runnable change = pending.getAndSet(null);
        if (change == null) return;
        change.run();
        int w = width;
        int h = height;
        if (w <= 0 || h <= 0) return;
        double s = scale;
        int slot = nextSlot;
        nextSlot = 1 - slot;
        int pw = (int) Math.ceil(w * s);
        int ph = (int) Math.ceil(h * s);
        BufferedImage img = slots[slot];
        // a picture the window has not copied yet is left to it; that slot gets a new one (rare: drawing is slower)
        if (img == null || img.getWidth() != pw || img.getHeight() != ph || unread[slot].get()) {
            img = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB_PRE);
            slots[slot] = img;
            unread[slot] = new java.util.concurrent.atomic.AtomicBoolean();
        }
        draw(chart, img, w, h, s);
        int[] pixels = ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData();
        java.util.concurrent.atomic.AtomicBoolean flag = unread[slot];
        flag.set(true);
        Platform.runLater(() -> {
            show(pixels, pw, ph);
            view.setFitWidth(w);
            view.setFitHeight(h);
            flag.set(false);
        });
    }

    /** On the JavaFX thread: copies a finished picture into the one image the view shows (no image per frame). */
    private void show(int[] pixels, int pw, int ph) {
        if (shown == null || (int) shown.getWidth() != pw || (int) shown.getHeight() != ph) {
            shown = new WritableImage(pw, ph);
            view.setImage(shown);
        }
        shown.getPixelWriter().setPixels(0, 0, pw, ph, PixelFormat.getIntArgbPreInstance(), pixels, 0, pw);
    }

    @Override
    protected void layoutChildren() {
        int w = (int) Math.round(getWidth());
        int h = (int) Math.round(getHeight());
        view.relocate(0, 0);
        double s = getScene() == null || getScene().getWindow() == null ? 1 : getScene().getWindow().getOutputScaleX();
        if (w != width || h != height || s != scale) {
            width = w;
            height = h;
            scale = s;
            update(null);
        }
    }

    /**
     * Runs {@code look} on the chart thread after every change asked for so far, and waits for its answer (for
     * tests and exports: the chart is never touched from two threads).
     */
    public <T> T inspect(Function<JFreeChart, T> look) {
        return CompletableFuture.supplyAsync(() -> look.apply(chart), RENDERER).join();
    }

    private void saveWithChooser(String fileName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("chart.savePng"));
        chooser.setInitialFileName(fileName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        var file = chooser.showSaveDialog(getScene().getWindow());
        if (file == null) return;
        try {
            savePng(file.toPath());
        } catch (IOException ex) {
            new Alert(Alert.AlertType.ERROR, Messages.get("chart.saveFailed", file, ex.getMessage()),
                    org.strata.app.i18n.DialogButtons.ok()).show();
        }
    }

    /** Writes the chart as it looks now to a PNG of {@link #EXPORT_SCALE} times its size on screen. */
    public void savePng(Path file) throws IOException {
        int w = Math.max(200, width);
        int h = Math.max(150, height);
        try {
            inspect(c -> {
                try {
                    writePng(c, w, h, file);
                    return null;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException u) throw u.getCause();
            throw e;
        }
    }

    /** Puts the chart, at twice its size on screen, on the clipboard. */
    public void copyToClipboard() {
        int w = Math.max(200, width);
        int h = Math.max(150, height);
        BufferedImage img = inspect(c -> render(c, w, h, EXPORT_SCALE));
        ClipboardContent content = new ClipboardContent();
        content.putImage(SwingFXUtils.toFXImage(img, null));
        Clipboard.getSystemClipboard().setContent(content);
    }

    /**
     * Writes {@code chart} as it looks at {@code width} × {@code height} on screen to a PNG of
     * {@link #EXPORT_SCALE} times that size, through a temporary file so a failed write leaves no broken file. Call
     * it on the chart's thread (or for a chart no pane shows).
     */
    public static void writePng(JFreeChart chart, int width, int height, Path file) throws IOException {
        BufferedImage img = render(chart, width, height, EXPORT_SCALE);
        // made with the umask's mode (createTempFile's 0600 would stay with the PNG once renamed)
        Path tmp = org.strata.engine.project.AtomicFiles.newFile(file.toAbsolutePath().getParent(), ".strata-chart",
                ".png");
        try {
            ImageIO.write(img, "png", tmp.toFile());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static BufferedImage render(JFreeChart chart, int width, int height, double scale) {
        int w = Math.max(1, width);
        int h = Math.max(1, height);
        BufferedImage img = new BufferedImage((int) Math.ceil(w * scale), (int) Math.ceil(h * scale),
                BufferedImage.TYPE_INT_RGB);
        draw(chart, img, w, h, scale);
        return img;
    }

    /** Draws {@code chart} as it looks at {@code w} × {@code h} on screen over all of {@code img}. */
    private static void draw(JFreeChart chart, BufferedImage img, int w, int h, double scale) {
        Graphics2D g = img.createGraphics();
        g.setBackground(new java.awt.Color(0, 0, 0, 0));
        g.clearRect(0, 0, img.getWidth(), img.getHeight()); // a reused picture keeps its last drawing otherwise
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(scale, scale);
        chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
        g.dispose();
    }
}
