package org.strata.app.training.view;

import java.awt.Color;
import javafx.scene.layout.BorderPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.strata.engine.train.TrainingEvent;

/** One histogram of a layer's latest snapshot (its activations, weights or gradients) as bars over the value range. */
final class HistogramChart extends BorderPane {
    private final XYIntervalSeries bars = new XYIntervalSeries("counts");
    private final JFreeChart chart;
    private final ChartPane pane;

    HistogramChart(String title, String id, Color colour, boolean dark) {
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(bars);
        NumberAxis x = new NumberAxis();
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis();
        y.setTickLabelsVisible(false);
        XYBarRenderer r = new XYBarRenderer(0.05);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, colour);
        XYPlot plot = new XYPlot(data, x, y, r);
        chart = new JFreeChart(plot);
        chart.removeLegend();
        TextTitle t = new TextTitle(title, ChartStyle.font(java.awt.Font.BOLD, -1));
        chart.setTitle(t);
        ChartStyle.apply(chart, dark);
        pane = new ChartPane(chart, id, id.replace("histogram-", "") + ".png");
        setCenter(pane);
        setMinSize(120, 100);
    }

    /** Shows a histogram; null (a layer without parameters, or no snapshot yet) leaves the chart empty. */
    void show(TrainingEvent.Histogram h) {
        pane.update(() -> fill(h));
    }

    /** On the chart's thread. */
    private void fill(TrainingEvent.Histogram h) {
        chart.setNotify(false);
        bars.clear();
        if (h != null) {
            int n = h.counts().length;
            double width = (h.max() - h.min()) / n;
            for (int i = 0; i < n; i++) {
                double lo = h.min() + i * width;
                bars.add(lo + width / 2, lo, lo + width, h.counts()[i], 0, h.counts()[i]);
            }
        }
        chart.setNotify(true);
    }
}
