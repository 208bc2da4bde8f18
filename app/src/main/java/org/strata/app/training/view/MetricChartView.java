package org.strata.app.training.view;

import org.strata.app.training.TrainingRun;
import org.strata.app.training.LossHistory;
import java.awt.BasicStroke;
import java.awt.Color;
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
 * The metric per epoch (accuracy, or mean absolute error for regression), on training and validation data, with
 * the learning rate each epoch used on a second axis (schedules show as steps or curves).
 */
public final class MetricChartView extends BorderPane {
    private final TrainingRun run;
    private final XYSeries train = new XYSeries(Messages.get("chart.metric.train"), false, true);
    private final XYSeries validation = new XYSeries(Messages.get("chart.metric.validation"), false, true);
    private final XYSeries learningRate = new XYSeries(Messages.get("chart.learningRate"), false, true);
    private final JFreeChart chart;
    private ChartPane pane;

    public MetricChartView(TrainingRun run, boolean dark) {
        this.run = run;
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(train);
        data.addSeries(validation);
        chart = ChartFactory.createXYLineChart(null, Messages.get("chart.epoch"), Messages.get("chart.metric"), data,
                PlotOrientation.VERTICAL, true, true, false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, ChartStyle.series(0, dark));
        r.setSeriesPaint(1, ChartStyle.series(1, dark));
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesStroke(1, new BasicStroke(2f));
        XYPlot plot = (XYPlot) chart.getPlot();
        plot.setRenderer(r);
        // Epochs are whole numbers: no "1.2, 1.4" ticks after the first two epochs.
        ((org.jfree.chart.axis.NumberAxis) plot.getDomainAxis()).setStandardTickUnits(
                org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        org.jfree.chart.axis.NumberAxis lrAxis = new org.jfree.chart.axis.NumberAxis(Messages.get("chart.learningRate"));
        lrAxis.setAutoRangeIncludesZero(true);
        // Learning rates as people type them (0.001, 0.0005), not 1.0E-3: down to 1e-7, below any useful rate.
        lrAxis.setNumberFormatOverride(new java.text.DecimalFormat("0.#######",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
        plot.setRangeAxis(1, lrAxis);
        ChartStyle.apply(chart, dark); // after the second axis, which it styles too
        plot.setDataset(1, new XYSeriesCollection(learningRate));
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer lr = new XYLineAndShapeRenderer(true, false);
        lr.setDrawSeriesLineAsPath(true);
        lr.setSeriesPaint(0, dark ? new Color(0x8b949e) : new Color(0x6e7781));
        lr.setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[]{6f, 4f}, 0f));
        plot.setRenderer(1, lr);
        pane = new ChartPane(chart, "metric-chart", "metric.png");
        setCenter(pane);
        run.curves().versionProperty().addListener((o, a, b) -> {
            if (run.curves().history().metric().size() != shown) refresh(); // it changes once an epoch, not every merge
        });
        refresh();
    }

    /** Epochs drawn. */
    private int shown = -1;

    private void refresh() {
        LossHistory h = run.curves().history();
        shown = h.metric().size();
        java.util.List<double[]> metric = java.util.List.copyOf(h.metric());
        String name = h.metricName().isEmpty() ? Messages.get("chart.metric") : Messages.get("metric." + h.metricName());
        pane.update(() -> fill(metric, name));
    }

    /** On the chart's thread. */
    private void fill(java.util.List<double[]> metric, String name) {
        chart.setNotify(false);
        train.clear();
        validation.clear();
        learningRate.clear();
        for (double[] p : metric) {
            train.add(p[0], p[1], false);
            learningRate.add(p[0], p[3], false);
            if (!Double.isNaN(p[2])) validation.add(p[0], p[2], false);
        }
        var r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        boolean markers = metric.size() <= ChartStyle.MARKERS_UP_TO;
        r.setSeriesShapesVisible(0, markers);
        r.setSeriesShapesVisible(1, markers);
        train.fireSeriesChanged();
        validation.fireSeriesChanged();
        learningRate.fireSeriesChanged();
        chart.getXYPlot().getRangeAxis().setLabel(name);
        chart.setNotify(true);
    }
}
