package org.strata.app.training.view;

import org.strata.app.training.LayerHistory;
import java.awt.BasicStroke;
import java.util.List;
import javafx.scene.layout.BorderPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.strata.app.i18n.Messages;

/**
 * Every layer's update:parameter ratio over the run (how much one step changes its weights, relative to their
 * size) on a log scale, with the usual 1e-3 guide line: far below it a layer barely learns (vanishing gradients),
 * far above it the steps are too large (exploding). The selected layer is drawn thicker.
 */
final class UpdateRatioChart extends BorderPane {
    /** The rule of thumb for a healthy ratio. */
    static final double GUIDE = 1e-3;
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final JFreeChart chart;
    private final ChartPane pane;
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private final boolean dark;
    private final LogAxis y = new LogAxis(Messages.get("layers.updateRatio"));

    UpdateRatioChart(boolean dark) {
        this.dark = dark;
        renderer.setDrawSeriesLineAsPath(true); // one path per curve: fewer drawing calls
        NumberAxis x = new NumberAxis(Messages.get("chart.iteration"));
        x.setAutoRangeIncludesZero(false);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setSmallestValue(1e-8);
        y.setBase(10);
        // one tick per power of ten, labelled 10⁻³ (whole decades: "0E0" labelled 1.5e-2 and 1.2e-2 both "1E-2")
        y.setAutoTickUnitSelection(false);
        y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1), false, false);
        y.setMinorTickCount(10);
        y.setMinorTickMarksVisible(true);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        ValueMarker guide = new ValueMarker(GUIDE);
        guide.setPaint(ChartStyle.text(dark));
        guide.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[]{6f, 4f}, 0f));
        guide.setLabel(Messages.get("layers.guide"));
        guide.setLabelPaint(ChartStyle.text(dark));
        guide.setLabelFont(ChartStyle.font(java.awt.Font.PLAIN, -3));
        // on the right, on the chart's own background: over the curves it was unreadable
        guide.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        guide.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        java.awt.Color bg = dark ? new java.awt.Color(0x0d1117) : java.awt.Color.WHITE;
        guide.setLabelBackgroundColor(new java.awt.Color(bg.getRed(), bg.getGreen(), bg.getBlue(), 220));
        plot.addRangeMarker(guide);
        chart = new JFreeChart(plot);
        ChartStyle.apply(chart, dark);
        pane = new ChartPane(chart, "update-ratio-chart", "update-ratios.png");
        setCenter(pane);
    }

    /** Redraws from the history; {@code names} gives each layer's display name, {@code selected} may be null. */
    void show(LayerHistory history, java.util.function.Function<String, String> names, String selected) {
        // the curves are made here, on the JavaFX thread, from the history; the chart takes them on its own thread
        List<XYSeries> curves = new java.util.ArrayList<>();
        List<Boolean> thick = new java.util.ArrayList<>();
        double low = GUIDE;
        double high = GUIDE;
        for (String id : history.layers()) {
            List<LayerHistory.Point> points = history.of(id);
            if (points.isEmpty() || points.get(points.size() - 1).updateRatio() <= 0) continue; // no parameters
            XYSeries s = new XYSeries(names.apply(id), false, true);
            for (LayerHistory.Point p : points) {
                if (p.updateRatio() <= 0 || !Double.isFinite(p.updateRatio())) continue;
                s.add(p.iteration(), p.updateRatio(), false);
                low = Math.min(low, p.updateRatio());
                high = Math.max(high, p.updateRatio());
            }
            curves.add(s);
            thick.add(id.equals(selected));
        }
        // whole decades around the curves and the guide, so every tick is a power of ten
        double from = Math.pow(10, Math.floor(Math.log10(Math.max(low, 1e-8))));
        double to = Math.pow(10, Math.ceil(Math.log10(high)));
        double upper = to <= from ? from * 10 : to;
        pane.update(() -> {
            chart.setNotify(false);
            y.setRange(from, upper);
            data.removeAllSeries();
            for (int i = 0; i < curves.size(); i++) {
                data.addSeries(curves.get(i));
                renderer.setSeriesPaint(i, ChartStyle.series(i, dark));
                renderer.setSeriesStroke(i, new BasicStroke(thick.get(i) ? 3.5f : 1.5f));
            }
            chart.setNotify(true);
        });
    }
}
