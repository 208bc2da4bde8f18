package org.strata.app.training;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/** The charts' colours for the light and the dark theme (JFreeChart paints with AWT colours, not CSS). */
final class ChartStyle {
    /** Series colours after the theme's accent: blue, orange, green, purple, red, teal, brown, pink. */
    private static final int[] LIGHT = {0x0969da, 0xbc4c00, 0x1a7f37, 0x8250df, 0xcf222e, 0x1b7c83, 0x953800, 0xbf3989};
    private static final int[] DARK = {0x58a6ff, 0xf0883e, 0x3fb950, 0xbc8cff, 0xff7b72, 0x39c5cf, 0xdb6d28, 0xf778ba};

    private ChartStyle() {
    }

    /** @return the {@code i}-th series colour of the theme */
    static Color series(int i, boolean dark) {
        int[] p = dark ? DARK : LIGHT;
        return new Color(p[i % p.length]);
    }

    /** @return the theme's text colour */
    static Color text(boolean dark) {
        return dark ? new Color(0xc9d1d9) : new Color(0x24292f);
    }

    static void apply(JFreeChart chart, boolean dark) {
        Color bg = dark ? new Color(0x0d1117) : Color.WHITE;
        Color fg = dark ? new Color(0xc9d1d9) : new Color(0x24292f);
        Color grid = dark ? new Color(0x30363d) : new Color(0xd0d7de);
        chart.setBackgroundPaint(bg);
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(bg);
            chart.getLegend().setItemPaint(fg);
        }
        if (chart.getTitle() != null) chart.getTitle().setPaint(fg);
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
