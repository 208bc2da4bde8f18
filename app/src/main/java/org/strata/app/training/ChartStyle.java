package org.strata.app.training;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/** The charts' colours for the light and the dark theme (JFreeChart paints with AWT colours, not CSS). */
final class ChartStyle {
    private ChartStyle() {
    }

    static void apply(JFreeChart chart, boolean dark) {
        Color bg = dark ? new Color(0x0d1117) : Color.WHITE;
        Color fg = dark ? new Color(0xc9d1d9) : new Color(0x24292f);
        Color grid = dark ? new Color(0x30363d) : new Color(0xd0d7de);
        chart.setBackgroundPaint(bg);
        chart.getLegend().setBackgroundPaint(bg);
        chart.getLegend().setItemPaint(fg);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(bg);
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        plot.getDomainAxis().setLabelPaint(fg);
        plot.getDomainAxis().setTickLabelPaint(fg);
        plot.getRangeAxis().setLabelPaint(fg);
        plot.getRangeAxis().setTickLabelPaint(fg);
    }
}
