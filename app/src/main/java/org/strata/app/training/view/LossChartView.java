package org.strata.app.training.view;

import org.strata.app.training.TrainingRun;
import org.strata.app.training.LossHistory;
import org.strata.engine.runs.Curves;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import javafx.scene.layout.BorderPane;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.strata.app.i18n.Messages;

/**
 * The loss curve of the run (JFreeChart, drawn off the JavaFX thread by {@link ChartPane}): every batch faintly,
 * a smoothed line over it, the validation loss per epoch as points, and kept runs ticked in the Runs tab as dashed
 * lines. It redraws only when the run's merge timer says new points arrived (twice a second at most), from the
 * run's bounded history.
 */
public final class LossChartView extends BorderPane {
    private final TrainingRun run;
    private final XYSeries batches = new XYSeries(Messages.get("chart.batches"), false, true);
    private final XYSeries smoothed = new XYSeries(Messages.get("chart.smoothed"), false, true);
    private final XYSeries validation = new XYSeries(Messages.get("chart.validation"), false, true);
    private final JFreeChart chart;
    private ChartPane pane;
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final boolean dark;
    private boolean active = true;

    public LossChartView(TrainingRun run, boolean dark) {
        this.run = run;
        getStyleClass().add("loss-chart");
        this.dark = dark;
        data.addSeries(batches);
        data.addSeries(smoothed);
        data.addSeries(validation);
        chart = ChartFactory.createXYLineChart(null, Messages.get("chart.iteration"), Messages.get("chart.loss"), data,
                PlotOrientation.VERTICAL, true, true, false);
        style(dark);
        pane = new ChartPane(chart, "loss-chart", "loss.png");
        ChartPane viewer = pane;
        setCenter(viewer);
        run.curves().versionProperty().addListener((o, a, b) -> {
            if (active) refresh();
        });
        run.runs().overlayVersionProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void style(boolean dark) {
        ChartStyle.apply(chart, dark);
        XYPlot plot = chart.getXYPlot();
        ((org.jfree.chart.axis.NumberAxis) plot.getDomainAxis()).setStandardTickUnits(
                org.jfree.chart.axis.NumberAxis.createIntegerTickUnits()); // iterations: no "2.5" ticks
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setDrawSeriesLineAsPath(true); // one path per curve: far fewer drawing calls than a segment per point
        r.setSeriesPaint(0, dark ? new Color(88, 166, 255, 90) : new Color(9, 105, 218, 70));
        r.setSeriesShapesVisible(0, false);
        r.setSeriesPaint(1, ChartStyle.series(0, dark));
        r.setSeriesStroke(1, new BasicStroke(2.5f));
        r.setSeriesShapesVisible(1, false);
        r.setSeriesPaint(2, ChartStyle.series(1, dark));
        r.setSeriesLinesVisible(2, true);
        r.setSeriesShapesVisible(2, true);
        plot.setRenderer(r);
    }

    /** Whether its tab is showing: a hidden chart skips the redraws (each costs the window tens of ms) and catches up. */
    void setActive(boolean on) {
        if (on && !active) {
            active = true;
            refresh();
        }
        active = on;
    }

    /** Copies the run's curves into the chart's series with one redraw. */
    private void refresh() {
        // copies taken here, on the JavaFX thread; the chart takes them in on its own thread
        LossHistory h = run.curves().history();
        List<double[]> train = List.copyOf(envelope(h.train()));
        List<double[]> smooth = List.copyOf(Curves.thinned(h.smoothed(), DRAWN));
        List<double[]> val = List.copyOf(h.validation());
        List<org.strata.engine.runs.RunRecord> overlaid = run.runs().overlaidRuns();
        List<String> names = new java.util.ArrayList<>();
        for (var r : overlaid) {
            // a series' name is its key: two runs started the same minute with the same settings get a number
            String name = RunNames.overlay(r, run.trainingSettings());
            String unique = name;
            for (int k = 2; names.contains(unique); k++) unique = name + " (" + k + ")";
            names.add(unique);
        }
        pane.update(() -> {
            chart.setNotify(false);
            fill(batches, train);
            fill(smoothed, smooth);
            fill(validation, val);
            ((XYLineAndShapeRenderer) chart.getXYPlot().getRenderer()).setSeriesShapesVisible(2,
                    val.size() <= ChartStyle.MARKERS_UP_TO);
            overlays(overlaid, names);
            chart.setNotify(true);
        });
    }

    /** Earlier runs ticked in the Runs tab: their smoothed loss as thin dashed lines, for comparison. */
    private void overlays(List<org.strata.engine.runs.RunRecord> overlaid, List<String> names) {
        while (data.getSeriesCount() > 3) data.removeSeries(3);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        int i = 3;
        for (org.strata.engine.runs.RunRecord run : overlaid) {
            XYSeries s = new XYSeries(names.get(i - 3), false, true);
            for (double[] p : Curves.thinned(java.util.Arrays.asList(run.loss()), DRAWN)) s.add(p[0], p[1], false);
            data.addSeries(s);
            r.setSeriesPaint(i, ChartStyle.series(i - 1, dark));
            r.setSeriesShapesVisible(i, false);
            r.setSeriesStroke(i, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[]{5f, 4f}, 0f));
            i++;
        }
    }

    /** At most this many points are drawn per curve: a chart a few hundred pixels wide shows no more. */
    static final int DRAWN = 400;

    /** The batch curve thinned to {@link #DRAWN} points keeping its spread: each bucket's lowest and highest. */
    static List<double[]> envelope(List<double[]> points) {
        if (points.size() <= DRAWN) return points;
        int buckets = DRAWN / 2;
        List<double[]> out = new java.util.ArrayList<>(DRAWN);
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * points.size() / buckets);
            int to = (int) ((long) (b + 1) * points.size() / buckets);
            double[] lo = points.get(from);
            double[] hi = lo;
            for (int i = from; i < to; i++) {
                double[] p = points.get(i);
                if (p[1] < lo[1]) lo = p;
                if (p[1] > hi[1]) hi = p;
            }
            out.add(lo[0] <= hi[0] ? lo : hi);
            if (hi != lo) out.add(lo[0] <= hi[0] ? hi : lo);
        }
        return out;
    }

    private static void fill(XYSeries series, List<double[]> points) {
        series.clear();
        for (double[] p : points) series.add(p[0], p[1], false);
        series.fireSeriesChanged();
    }
}
