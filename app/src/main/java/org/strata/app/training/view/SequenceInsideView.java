package org.strata.app.training.view;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.strata.app.i18n.Messages;
import org.strata.app.training.SequenceInside;

/**
 * A sequence layer's inside for one sample, painted on a canvas with the tokens as labels: a recurrent layer's h as
 * a heat map (a row per unit, a column per step: blue below zero, red above), or each attention head's weights as a
 * token × token matrix (a row per looking step, dark to bright as its weight goes from 0 to 1), in the colours of the
 * other heat maps ({@link Pictures}). Text follows the
 * window's font size and colours through a hidden label the style sheet reaches.
 */
public final class SequenceInsideView extends Region {
    /** A token longer than this is cut, so one long word cannot squeeze every column. */
    private static final int TOKEN_CHARS = 8;
    private final Canvas canvas = new Canvas();
    /** Never shown: it takes the style sheet's font and text colour for the canvas. */
    private final Label style = new Label("x");
    private List<SequenceInside.Matrix> matrices = List.of();

    SequenceInsideView() {
        setId("sequence-inside");
        getStyleClass().add("sequence-inside");
        style.setManaged(false);
        style.setVisible(false);
        getChildren().addAll(canvas, style);
        setMinSize(80, 80);
    }

    /** Shows {@code shown} (empty: nothing). */
    void show(List<SequenceInside.Matrix> shown) {
        matrices = List.copyOf(shown);
        draw();
    }

    /** @return the matrices shown, as drawn last */
    public List<SequenceInside.Matrix> shown() {
        return matrices;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.max(0, getWidth()));
        canvas.setHeight(Math.max(0, getHeight()));
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (matrices.isEmpty() || w < 20 || h < 20) return;
        Font font = style.getFont();
        Paint ink = style.getTextFill();
        g.setFont(font);
        g.setFill(ink);
        double line = Math.ceil(font.getSize() * 1.35);
        int n = matrices.size();
        double gap = line;
        double each = (w - gap * (n - 1)) / n;
        for (int i = 0; i < n; i++) {
            SequenceInside.Matrix m = matrices.get(i);
            drawMatrix(g, m, i * (each + gap), 0, each, h, font, ink, line);
        }
    }

    private void drawMatrix(GraphicsContext g, SequenceInside.Matrix m, double x0, double y0, double w, double h,
                            Font font, Paint ink, double line) {
        double top = y0;
        if (m.title() > 0) {
            g.setFont(Font.font(font.getFamily(), FontWeight.BOLD, font.getSize()));
            g.setFill(ink);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(Messages.get("layers.head", m.title()), x0, top);
            g.setFont(font);
            top += line;
        }
        List<String> rows = m.rowLabels().isEmpty() ? unitLabels(m.rows()) : m.rowLabels();
        double left = 0;
        for (String r : rows) left = Math.max(left, textWidth(cut(r), font));
        left += 6;
        double labelsH = line;
        double cellW = (w - left) / m.cols();
        double cellH = (h - top - labelsH) / m.rows();
        if (m.weights()) cellW = cellH = Math.min(cellW, cellH); // square cells: a step looks at a step
        if (cellW < 1 || cellH < 0.5) return;
        double gridX = x0 + left;
        double gridY = top + labelsH;
        float reach = 0;
        for (float v : m.values()) reach = Math.max(reach, Math.abs(v));
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                float v = m.values()[r * m.cols() + c];
                g.setFill(m.weights() ? Pictures.DARK.interpolate(Pictures.BRIGHT, Math.max(0, Math.min(1, v)))
                        : reach == 0 ? Color.WHITE : v < 0 ? Color.WHITE.interpolate(Pictures.NEGATIVE, -v / reach)
                        : Color.WHITE.interpolate(Pictures.POSITIVE, v / reach));
                // a hairline between cells where they are large enough to be read one by one
                double inset = cellW >= 8 && cellH >= 8 ? 1 : 0;
                g.fillRect(gridX + c * cellW, gridY + r * cellH, cellW - inset, cellH - inset);
            }
        }
        g.setFill(ink);
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.CENTER);
        for (int c = 0; c < m.cols(); c++) {
            String label = cut(m.colLabels().get(c));
            if (textWidth(label, font) <= cellW + 2 || c % Math.max(1, (int) Math.ceil(textWidth(label, font) / cellW))
                    == 0) {
                g.fillText(label, gridX + (c + 0.5) * cellW, gridY - 2);
            }
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        int every = (int) Math.max(1, Math.ceil(line / cellH)); // rows too thin for text: every few labelled
        for (int r = 0; r < m.rows(); r += every) {
            g.fillText(cut(rows.get(r)), gridX - 4, gridY + (r + 0.5) * cellH);
        }
    }

    private static List<String> unitLabels(int units) {
        String[] out = new String[units];
        for (int u = 0; u < units; u++) out[u] = "h" + (u + 1);
        return List.of(out);
    }

    private static String cut(String token) {
        return token.length() <= TOKEN_CHARS ? token : token.substring(0, TOKEN_CHARS - 1) + "…";
    }

    private static double textWidth(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
