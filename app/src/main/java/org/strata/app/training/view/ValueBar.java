package org.strata.app.training.view;

import javafx.scene.layout.Region;

/**
 * One value as a bar in a track as wide as the row allows: from the left edge when every value is positive, and
 * from a zero line in the middle when some are negative, negative values going left, in the heat maps' colours
 * (blue below zero, red above; a bar's length alone made −0.9 look like 0.9).
 */
final class ValueBar extends Region {
    private final Region fill = new Region();
    private final Region zero = new Region();
    private double value;
    private double reach;
    private boolean diverging;

    ValueBar() {
        getStyleClass().add("value-bar-track");
        zero.getStyleClass().add("value-bar-zero");
        getChildren().addAll(fill, zero);
        setMinWidth(40);
        setPrefWidth(160);
        setMaxWidth(480);
    }

    /**
     * @param value     the value shown
     * @param reach     the largest magnitude among the values shown together (the track's half or whole width)
     * @param diverging whether any of them is negative (a zero line in the middle)
     */
    void set(double value, double reach, boolean diverging) {
        this.value = value;
        this.reach = reach;
        this.diverging = diverging;
        fill.getStyleClass().setAll(!diverging ? "activation-bar"
                : value < 0 ? "activation-bar-negative" : "activation-bar-positive");
        zero.setVisible(diverging);
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double u = reach == 0 || !Double.isFinite(value) ? 0 : Math.min(1, Math.abs(value) / reach);
        double barH = Math.max(4, h * 0.6);
        double y = (h - barH) / 2;
        if (diverging) {
            double half = w / 2;
            double len = half * u;
            fill.resizeRelocate(value < 0 ? half - len : half, y, len, barH);
            zero.resizeRelocate(Math.floor(half), 0, 1, h);
        } else {
            fill.resizeRelocate(0, y, w * u, barH);
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        return 14;
    }
}
