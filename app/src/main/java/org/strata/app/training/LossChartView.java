package org.strata.app.training;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
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

/**
 * The loss curve of the run (JFreeChart in its JavaFX viewer): every batch faintly, a smoothed line over it, and
 * the validation loss per epoch as points. It redraws only when the run's merge timer says new points arrived (a
 * few times a second at most), from the run's bounded history.
 */
public final class LossChartView extends BorderPane {
    private final TrainingRun run;
    private final XYSeries batches = new XYSeries(Messages.get("chart.batches"), false, true);
    private final XYSeries smoothed = new XYSeries(Messages.get("chart.smoothed"), false, true);
    private final XYSeries validation = new XYSeries(Messages.get("chart.validation"), false, true);
    private final JFreeChart chart;

    public LossChartView(TrainingRun run, boolean dark) {
        this.run = run;
        getStyleClass().add("loss-chart");
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(batches);
        data.addSeries(smoothed);
        data.addSeries(validation);
        chart = ChartFactory.createXYLineChart(null, Messages.get("chart.iteration"), Messages.get("chart.loss"), data,
                PlotOrientation.VERTICAL, true, true, false);
        style(dark);
        ChartViewer viewer = ChartViewers.of(chart, "loss-chart", "loss.png");
        setCenter(viewer);
        run.versionProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void style(boolean dark) {
        ChartStyle.apply(chart, dark);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesPaint(0, dark ? new Color(88, 166, 255, 90) : new Color(9, 105, 218, 70));
        r.setSeriesShapesVisible(0, false);
        r.setSeriesPaint(1, dark ? new Color(0x58a6ff) : new Color(0x0969da));
        r.setSeriesStroke(1, new BasicStroke(2.5f));
        r.setSeriesShapesVisible(1, false);
        r.setSeriesPaint(2, dark ? new Color(0xf0883e) : new Color(0xbc4c00));
        r.setSeriesLinesVisible(2, true);
        r.setSeriesShapesVisible(2, true);
        plot.setRenderer(r);
    }

    /** Copies the run's curves into the chart's series with one redraw. */
    private void refresh() {
        LossHistory h = run.history();
        chart.setNotify(false);
        fill(batches, h.train());
        fill(smoothed, h.smoothed());
        fill(validation, h.validation());
        chart.setNotify(true);
    }

    private static void fill(XYSeries series, List<double[]> points) {
        series.clear();
        for (double[] p : points) series.add(p[0], p[1], false);
        series.fireSeriesChanged();
    }
}
