package org.strata.app.training.view;

import org.strata.app.training.LayerHistory;
import java.awt.BasicStroke;
import java.util.List;
import javafx.scene.layout.BorderPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.strata.app.i18n.Messages;

/**
 * One layer's activations over the run: the mean and the standard deviation of its outputs on a fixed batch of
 * held-out samples. A spread falling towards zero means the layer's outputs no longer differ between samples
 * (saturated or dead units).
 */
final class LayerTrendChart extends BorderPane {
    private final XYSeries mean = new XYSeries(Messages.get("layers.mean"), false, true);
    private final XYSeries std = new XYSeries(Messages.get("layers.std"), false, true);
    private final JFreeChart chart;
    private final ChartPane pane;

    LayerTrendChart(boolean dark) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(mean);
        data.addSeries(std);
        NumberAxis x = new NumberAxis(Messages.get("chart.iteration"));
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(Messages.get("layers.activation"));
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true); // one path per curve: far fewer drawing calls than a segment per point
        r.setSeriesPaint(0, ChartStyle.series(0, dark));
        r.setSeriesPaint(1, ChartStyle.series(1, dark));
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesStroke(1, new BasicStroke(2f));
        chart = new JFreeChart(new XYPlot(data, x, y, r));
        ChartStyle.apply(chart, dark);
        pane = new ChartPane(chart, "layer-trend-chart", "layer-trend.png");
        setCenter(pane);
    }

    void show(List<LayerHistory.Point> points) {
        List<LayerHistory.Point> copy = List.copyOf(points);
        pane.update(() -> fill(copy));
    }

    /** On the chart's thread. */
    private void fill(List<LayerHistory.Point> points) {
        chart.setNotify(false);
        mean.clear();
        std.clear();
        for (LayerHistory.Point p : points) {
            mean.add(p.iteration(), p.mean(), false);
            std.add(p.iteration(), p.std(), false);
        }
        mean.fireSeriesChanged();
        std.fireSeriesChanged();
        chart.setNotify(true);
    }
}
