package org.strata.app.training.view;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import javafx.scene.layout.BorderPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.strata.app.i18n.Messages;
import org.strata.engine.train.SampleResults;

/**
 * For regression: each held-out sample's predicted value against its true value, with the diagonal where a perfect
 * model's points would lie; points far from it are the samples the model gets wrong.
 */
final class RegressionScatter extends BorderPane {
    RegressionScatter(SampleResults r, boolean dark) {
        XYSeries points = new XYSeries(Messages.get("scatter.samples"), false, true);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < r.size(); i++) {
            points.add(r.trueValue()[i], r.predictedValue()[i], false);
            lo = Math.min(lo, Math.min(r.trueValue()[i], r.predictedValue()[i]));
            hi = Math.max(hi, Math.max(r.trueValue()[i], r.predictedValue()[i]));
        }
        XYSeries diagonal = new XYSeries(Messages.get("scatter.perfect"), false, true);
        diagonal.add(lo, lo);
        diagonal.add(hi, hi);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(points);
        data.addSeries(diagonal);
        NumberAxis x = new NumberAxis(Messages.get("scatter.true"));
        NumberAxis y = new NumberAxis(Messages.get("scatter.predicted"));
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        renderer.setSeriesPaint(0, ChartStyle.series(0, dark));
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesPaint(1, ChartStyle.text(dark));
        renderer.setSeriesStroke(1, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[]{6f, 4f}, 0f));
        JFreeChart chart = new JFreeChart(new XYPlot(data, x, y, renderer));
        ChartStyle.apply(chart, dark);
        setCenter(new ChartPane(chart, "regression-scatter", "predicted-vs-true.png"));
        setPrefSize(420, 320);
        setMinSize(260, 220);
    }
}
