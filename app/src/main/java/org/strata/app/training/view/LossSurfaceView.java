package org.strata.app.training.view;

import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.strata.app.i18n.Messages;
import org.strata.app.training.SurfaceFeed;
import org.strata.app.training.TrainingRun;
import org.strata.engine.backprop.Numbers;
import org.strata.engine.data.Dataset;
import org.strata.engine.data.Split;
import org.strata.engine.train.LossSurface;

/**
 * The Loss surface tab, for a network of two weights such as y = w·x + b: on the left the training data with the
 * network's answer (the line as it fits), on the right the loss over the two weights, computed by the engine, with
 * the path the optimizer takes on it from the start (○) to now (●). Darker is higher; the bands are contours.
 */
public final class LossSurfaceView extends BorderPane {
    /** Training points drawn at most. */
    private static final int POINTS = 400;
    /** Where the network's answer is asked for across the data's range. */
    private static final int CURVE = 80;
    /** Contour bands of log loss. */
    private static final int BANDS = 14;

    private final TrainingRun run;
    private final SurfaceFeed feed;
    private final boolean dark;
    private final Label status = new Label();
    private final Label explain = new Label();
    private final Canvas fit = new Canvas();
    private final Canvas surface = new Canvas();
    private float[][] curve;
    private boolean asking;

    public LossSurfaceView(TrainingRun run, boolean dark) {
        this.run = run;
        this.feed = run.surface();
        this.dark = dark;
        setId("loss-surface");
        explain.setWrapText(true);
        explain.getStyleClass().add("training-status");
        status.setId("loss-surface-status");
        status.getStyleClass().add("step-explain");
        status.setWrapText(true);
        Pane left = holder(fit);
        Pane right = holder(surface);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox plots = new HBox(12, left, right);
        plots.setPadding(new Insets(4, 12, 4, 12));
        setTop(explain);
        setCenter(plots);
        setBottom(status);
        BorderPane.setMargin(status, new Insets(2, 12, 6, 12));
        feed.versionProperty().addListener((o, a, b) -> refresh());
        run.phaseProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    /** A pane whose canvas follows its size and redraws. */
    private Pane holder(Canvas c) {
        Pane p = new Pane(c);
        p.setMinSize(120, 120);
        c.widthProperty().bind(p.widthProperty());
        c.heightProperty().bind(p.heightProperty());
        c.widthProperty().addListener((o, a, b) -> draw());
        c.heightProperty().addListener((o, a, b) -> draw());
        return p;
    }

    private void refresh() {
        boolean two = feed.weights().isPresent();
        explain.setText(Messages.get(two ? "surface.explain" : "surface.none"));
        getCenter().setVisible(two);
        status.setVisible(two);
        if (two) askForCurve();
        draw();
    }

    /** Asks the network for its answer across the data's range (one batch), then draws. */
    private void askForCurve() {
        Dataset data = run.dataset();
        if (asking || data == null || data.train().featureSize() != 1) return;
        double[] range = xRange(data.train());
        float[][] xs = new float[CURVE][1];
        for (int i = 0; i < CURVE; i++) xs[i][0] = (float) (range[0] + (range[1] - range[0]) * i / (CURVE - 1));
        asking = true;
        run.predictEach(xs).whenComplete((ys, err) -> Platform.runLater(() -> {
            asking = false;
            if (err == null && ys.length > 0 && ys[0].length == 1) {
                float[][] c = new float[CURVE][];
                for (int i = 0; i < CURVE; i++) c[i] = new float[]{xs[i][0], ys[i][0]};
                curve = c;
                draw();
            }
        }));
    }

    private static double[] xRange(Split s) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        float[] x = new float[1];
        for (int i = 0; i < Math.min(s.size(), POINTS); i++) {
            s.rawFeatures(i, x, 0);
            lo = Math.min(lo, x[0]);
            hi = Math.max(hi, x[0]);
        }
        return lo < hi ? new double[]{lo, hi} : new double[]{lo - 1, lo + 1};
    }

    private void draw() {
        if (feed.weights().isEmpty()) return;
        List<SurfaceFeed.Weight> w = feed.weights().get();
        double[][] p = feed.path(); // once a draw: up to 20,000 points
        drawFit();
        drawSurface(w, p);
        int last = p[0].length - 1;
        status.setText(Messages.get("surface.now", name(w.get(0)), Numbers.of(p[0][last]), name(w.get(1)),
                Numbers.of(p[1][last]), last));
    }

    private Font font() {
        return Font.font(explain.getFont().getSize());
    }

    private Color ink() {
        return dark ? Color.web("#e6edf3") : Color.web("#1f2328");
    }

    /** @return a plot filling {@code c} (cleared), with room for the axes' numbers left and below */
    private Plot plotOn(Canvas c, double[] xr, double[] yr) {
        c.getGraphicsContext2D().clearRect(0, 0, c.getWidth(), c.getHeight());
        double below = font().getSize() * 1.6;
        double left = font().getSize() * 4;
        return new Plot(left, 8, c.getWidth() - left - 8, c.getHeight() - below - 8, xr, yr);
    }

    /** Draws a line through the points (xs[i], ys[i]). */
    private static void polyline(GraphicsContext g, Plot plot, double[] xs, double[] ys) {
        g.beginPath();
        for (int i = 0; i < xs.length; i++) {
            if (i == 0) g.moveTo(plot.x(xs[i]), plot.y(ys[i]));
            else g.lineTo(plot.x(xs[i]), plot.y(ys[i]));
        }
        g.stroke();
    }

    /** The training points and the network's answer across them. */
    private void drawFit() {
        GraphicsContext g = fit.getGraphicsContext2D();
        g.clearRect(0, 0, fit.getWidth(), fit.getHeight());
        Dataset data = run.dataset();
        if (data == null || data.train().featureSize() != 1) return;
        Split s = data.train();
        int n = Math.min(s.size(), POINTS);
        double[] xs = new double[n];
        double[] ys = new double[n];
        float[] x = new float[1];
        for (int i = 0; i < n; i++) {
            s.rawFeatures(i, x, 0);
            xs[i] = x[0];
            ys[i] = s.target(i)[0];
        }
        double[] xr = range(xs);
        double[] yr = range(ys);
        if (curve != null) for (float[] c : curve) yr = new double[]{Math.min(yr[0], c[1]), Math.max(yr[1], c[1])};
        Plot plot = plotOn(fit, xr, yr);
        axes(g, plot, "x", "y");
        g.setFill(dark ? Color.web("#58a6ff", 0.55) : Color.web("#0969da", 0.45));
        for (int i = 0; i < n; i++) g.fillOval(plot.x(xs[i]) - 2.5, plot.y(ys[i]) - 2.5, 5, 5);
        if (curve != null) {
            g.setStroke(Pictures.BRIGHT.darker());
            g.setLineWidth(3);
            double[] cx = new double[curve.length];
            double[] cy = new double[curve.length];
            for (int i = 0; i < curve.length; i++) {
                cx[i] = curve[i][0];
                cy[i] = curve[i][1];
            }
            polyline(g, plot, cx, cy);
        }
    }

    /** The loss over the two weights, with the path. */
    private void drawSurface(List<SurfaceFeed.Weight> names, double[][] p) {
        GraphicsContext g = surface.getGraphicsContext2D();
        g.clearRect(0, 0, surface.getWidth(), surface.getHeight());
        var grid = feed.grid();
        if (grid.isEmpty()) {
            g.setFill(ink());
            g.setFont(font());
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(Messages.get("surface.computing"), surface.getWidth() / 2, surface.getHeight() / 2);
            return;
        }
        LossSurface.Grid grid0 = grid.get();
        Plot plot = plotOn(surface, new double[]{grid0.x().from(), grid0.x().to()},
                new double[]{grid0.y().from(), grid0.y().to()});
        int pw = (int) Math.max(1, plot.w);
        int ph = (int) Math.max(1, plot.h);
        WritableImage img = new WritableImage(pw, ph);
        PixelWriter px = img.getPixelWriter();
        double lo = Math.log(Math.max(grid0.min(), 1e-12));
        double hi = Math.log(Math.max(grid0.max(), 1e-12));
        int steps = grid0.steps();
        for (int py = 0; py < ph; py++) {
            double gy = (1 - (double) py / (ph - 1)) * (steps - 1); // up is larger
            for (int pxi = 0; pxi < pw; pxi++) {
                double gx = (double) pxi / (pw - 1) * (steps - 1);
                double v = Math.log(Math.max(bilinear(grid0.loss(), gx, gy), 1e-12));
                double t = hi > lo ? (v - lo) / (hi - lo) : 0;
                int band = (int) Math.min(BANDS - 1, Math.floor(t * BANDS));
                double shade = (band + 0.5) / BANDS;
                px.setColor(pxi, py, Color.web("#fff3c4").interpolate(Color.web("#1d3f8f"), shade)
                        .deriveColor(0, 1, band % 2 == 0 ? 1 : 0.94, 1));
            }
        }
        g.drawImage(img, plot.left, plot.top);
        axes(g, plot, name(names.get(0)), name(names.get(1)));
        g.setLineWidth(2.5);
        g.setStroke(Color.WHITE);
        polyline(g, plot, p[0], p[1]);
        g.setStroke(Color.BLACK);
        g.setLineWidth(2);
        g.strokeOval(plot.x(p[0][0]) - 6, plot.y(p[1][0]) - 6, 12, 12);
        int last = p[0].length - 1;
        g.setFill(Color.web("#d9480f"));
        g.fillOval(plot.x(p[0][last]) - 7, plot.y(p[1][last]) - 7, 14, 14);
        g.strokeOval(plot.x(p[0][last]) - 7, plot.y(p[1][last]) - 7, 14, 14);
    }

    private static double bilinear(double[][] z, double x, double y) {
        int x0 = (int) Math.min(Math.floor(x), z[0].length - 2);
        int y0 = (int) Math.min(Math.floor(y), z.length - 2);
        double fx = x - x0;
        double fy = y - y0;
        return z[y0][x0] * (1 - fx) * (1 - fy) + z[y0][x0 + 1] * fx * (1 - fy) + z[y0 + 1][x0] * (1 - fx) * fy
                + z[y0 + 1][x0 + 1] * fx * fy;
    }

    private void axes(GraphicsContext g, Plot p, String xName, String yName) {
        g.setStroke(ink());
        g.setLineWidth(1);
        g.strokeRect(p.left, p.top, p.w, p.h);
        g.setFill(ink());
        g.setFont(font());
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(Numbers.of(p.xr[0], 3), p.left, p.top + p.h + 2);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(Numbers.of(p.xr[1], 3), p.left + p.w, p.top + p.h + 2);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(xName, p.left + p.w / 2, p.top + p.h + 2);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(Numbers.of(p.yr[1], 3), p.left - 4, p.top + font().getSize() / 2);
        g.fillText(Numbers.of(p.yr[0], 3), p.left - 4, p.top + p.h - font().getSize() / 2);
        g.fillText(yName, p.left - 4, p.top + p.h / 2);
    }

    private static double[] range(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        double pad = Math.max(1e-6, 0.05 * (hi - lo));
        return new double[]{lo - pad, hi + pad};
    }

    /** "w" for a layer's W, "b" for its b: the letters of y = w·x + b. */
    private static String name(SurfaceFeed.Weight w) {
        String param = w.name().substring(w.name().indexOf('/') + 1);
        return param.toLowerCase(java.util.Locale.ROOT) + (w.index() > 0 ? Numbers.sub(w.index()) : "");
    }

    /** Where a plot lies on its canvas, and its ranges. */
    private record Plot(double left, double top, double w, double h, double[] xr, double[] yr) {
        double x(double v) {
            return left + (v - xr[0]) / (xr[1] - xr[0]) * w;
        }

        double y(double v) {
            return top + h - (v - yr[0]) / (yr[1] - yr[0]) * h;
        }
    }
}
