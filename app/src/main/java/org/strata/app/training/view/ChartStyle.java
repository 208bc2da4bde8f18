package org.strata.app.training.view;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/**
 * The charts' colours for the light and the dark theme, and their text at the window's text size (JFreeChart paints
 * with AWT colours and fonts, not CSS: without this its 10–12 px text stayed small on a projector).
 */
final class ChartStyle {
    /** The window's text size in pixels (View › Text Size); charts made after a change use it. */
    private static volatile int textSize = 13;
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

    /** Sets the window's text size for the charts made from now on. */
    static void setTextSize(int px) {
        textSize = Math.max(8, px);
    }

    /** @return a chart font {@code delta} pixels from the window's text size (tick labels −2, axis names −1) */
    /**
     * @return the least height a chart of the dock gets, axes, legend and plot: enough for a class to read its
     *     curves (about 200 px at the normal text size, more on a projector); below it the tab scrolls
     */
    static double minChartHeight() {
        return 15.0 * textSize;
    }

    /**
     * @param rows how many charts stand one above another in {@code content}
     * @return {@code content} in a pane that gives it at least {@code rows} readable chart heights, scrolling when
     *     the dock is shorter (rather than squeezing the charts to a strip with cut axis names)
     */
    static javafx.scene.control.ScrollPane readableHeight(javafx.scene.layout.Region content, double rows) {
        content.setMinHeight(rows * minChartHeight());
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        return scroll;
    }

    static java.awt.Font font(int style, int delta) {
        return new java.awt.Font(java.awt.Font.SANS_SERIF, style, textSize + delta);
    }

    /** Per-point markers are drawn up to this many points; past it they smear into a band (300 epochs). */
    static final int MARKERS_UP_TO = 50;

    /** Colours and text sizes of the theme, for the chart's legend, title and every axis it has now. */
    static void apply(JFreeChart chart, boolean dark) {
        Color bg = dark ? new Color(0x0d1117) : Color.WHITE;
        Color fg = text(dark);
        Color grid = dark ? new Color(0x30363d) : new Color(0xd0d7de);
        chart.setBackgroundPaint(bg);
        // room on the right for the last tick's label, half of which lies past the plot ("3,500" was cut)
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 2.5 * textSize));
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(bg);
            chart.getLegend().setItemPaint(fg);
            chart.getLegend().setItemFont(font(java.awt.Font.PLAIN, -2));
        }
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(fg);
            chart.getTitle().setFont(font(java.awt.Font.BOLD, -1));
        }
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(bg);
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        for (int i = 0; i < plot.getDomainAxisCount(); i++) axis(plot.getDomainAxis(i), fg);
        for (int i = 0; i < plot.getRangeAxisCount(); i++) axis(plot.getRangeAxis(i), fg);
    }

    private static void axis(org.jfree.chart.axis.Axis a, Color fg) {
        if (a == null) return;
        a.setLabelPaint(fg);
        a.setTickLabelPaint(fg);
        a.setLabelFont(font(java.awt.Font.BOLD, -1));
        a.setTickLabelFont(font(java.awt.Font.PLAIN, -2));
    }
}
