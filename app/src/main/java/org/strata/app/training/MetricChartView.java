package org.strata.app.training;

import java.awt.BasicStroke;
import java.awt.Color;
import javafx.scene.layout.BorderPane;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.strata.app.i18n.Messages;

/** The metric per epoch (accuracy, or mean absolute error for regression), on training and validation data. */
public final class MetricChartView extends BorderPane {
    private final TrainingRun run;
    private final XYSeries train = new XYSeries(Messages.get("chart.metric.train"), false, true);
    private final XYSeries validation = new XYSeries(Messages.get("chart.metric.validation"), false, true);
    private final JFreeChart chart;

    public MetricChartView(TrainingRun run, boolean dark) {
        this.run = run;
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(train);
        data.addSeries(validation);
        chart = ChartFactory.createXYLineChart(null, Messages.get("chart.epoch"), Messages.get("chart.metric"), data,
                PlotOrientation.VERTICAL, true, true, false);
        ChartStyle.apply(chart, dark);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, dark ? new Color(0x58a6ff) : new Color(0x0969da));
        r.setSeriesPaint(1, dark ? new Color(0xf0883e) : new Color(0xbc4c00));
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesStroke(1, new BasicStroke(2f));
        ((XYPlot) chart.getPlot()).setRenderer(r);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("metric-chart");
        setCenter(viewer);
        run.versionProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        LossHistory h = run.history();
        chart.setNotify(false);
        train.clear();
        validation.clear();
        for (double[] p : h.metric()) {
            train.add(p[0], p[1], false);
            if (!Double.isNaN(p[2])) validation.add(p[0], p[2], false);
        }
        train.fireSeriesChanged();
        validation.fireSeriesChanged();
        String name = h.metricName().isEmpty() ? Messages.get("chart.metric") : Messages.get("metric." + h.metricName());
        chart.getXYPlot().getRangeAxis().setLabel(name);
        chart.setNotify(true);
    }
}
