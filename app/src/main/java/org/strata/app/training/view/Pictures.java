package org.strata.app.training.view;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Turns a layer's values into pictures: an image for image-shaped data (grey, or colour for three channels), a
 * grid of feature maps for a convolution's channels (each scaled to its own range, so a quiet map still shows its
 * pattern), and a heat map for a vector (diverging blue–white–red when values go negative, else dark to bright).
 */
public final class Pictures {
    /** Gap between feature maps in a grid, in pixels of the picture. */
    private static final int GAP = 1;
    static final Color NEGATIVE = Color.web("#0969da");
    static final Color POSITIVE = Color.web("#cf222e");
    static final Color DARK = Color.web("#0d1117");
    static final Color BRIGHT = Color.web("#f6c343");
    private static final int GAP_ARGB = 0xff8c959f;

    private Pictures() {
    }

    /** An image [h, w, c] (row-major, channels last) with min–max scaling over all its values. */
    public static WritableImage image(float[] v, int h, int w, int c) {
        float[] range = range(v, 0, v.length, 1);
        WritableImage img = new WritableImage(w, h);
        PixelWriter pw = img.getPixelWriter();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int at = (y * w + x) * c;
                if (c == 3) {
                    pw.setColor(x, y, Color.color(unit(v[at], range), unit(v[at + 1], range), unit(v[at + 2], range)));
                } else {
                    pw.setArgb(x, y, grey(unit(v[at], range)));
                }
            }
        }
        return img;
    }

    /**
     * @return how many columns a grid of {@code n} cells uses: about square, and without a ragged last row when a
     *     divisor of {@code n} allows (128 → 16 × 8, 32 → 8 × 4)
     */
    public static int gridColumns(int n) {
        int square = (int) Math.ceil(Math.sqrt(n));
        for (int c = square; c <= 2 * square; c++) if (n % c == 0) return c;
        return square;
    }

    /** Every channel of [h, w, c] as its own grey map, tiled row by row, each scaled to its own range. */
    public static WritableImage featureMaps(float[] v, int h, int w, int c) {
        int cols = gridColumns(c);
        int rows = (c + cols - 1) / cols;
        WritableImage img = new WritableImage(cols * (w + GAP) - GAP, rows * (h + GAP) - GAP);
        PixelWriter pw = img.getPixelWriter();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) pw.setArgb(x, y, GAP_ARGB);
        }
        for (int ch = 0; ch < c; ch++) {
            float[] range = range(v, ch, v.length, c);
            int ox = ch % cols * (w + GAP);
            int oy = ch / cols * (h + GAP);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) pw.setArgb(ox + x, oy + y, grey(unit(v[(y * w + x) * c + ch], range)));
            }
        }
        return img;
    }

    /** A vector as a heat map of about square cells, or a matrix [rows, cols] (a sequence) as it is. */
    public static WritableImage heatMap(float[] v, int rows, int cols) {
        float[] range = range(v, 0, v.length, 1);
        float reach = Math.max(Math.abs(range[0]), Math.abs(range[1]));
        boolean diverging = range[0] < 0;
        WritableImage img = new WritableImage(cols, rows);
        PixelWriter pw = img.getPixelWriter();
        for (int i = 0; i < rows * cols; i++) {
            Color colour;
            if (i >= v.length) {
                colour = Color.TRANSPARENT;
            } else if (diverging) {
                double t = reach == 0 ? 0 : v[i] / reach;
                colour = t < 0 ? Color.WHITE.interpolate(NEGATIVE, -t) : Color.WHITE.interpolate(POSITIVE, t);
            } else {
                colour = DARK.interpolate(BRIGHT, unit(v[i], range));
            }
            pw.setColor(i % cols, i / cols, colour);
        }
        return img;
    }

    /** @return {@code img} with each pixel a {@code factor} × {@code factor} block (nearest neighbour, never blurred) */
    public static WritableImage enlarge(WritableImage img, int factor) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        if (factor <= 1) return img;
        int[] row = new int[w];
        int[] big = new int[w * factor];
        WritableImage out = new WritableImage(w * factor, h * factor);
        var reader = img.getPixelReader();
        var writer = out.getPixelWriter();
        var format = javafx.scene.image.PixelFormat.getIntArgbInstance();
        for (int y = 0; y < h; y++) {
            reader.getPixels(0, y, w, 1, format, row, 0, w);
            for (int x = 0; x < w; x++) java.util.Arrays.fill(big, x * factor, (x + 1) * factor, row[x]);
            for (int k = 0; k < factor; k++) writer.setPixels(0, y * factor + k, w * factor, 1, format, big, 0, w * factor);
        }
        return out;
    }

    /** @return an opaque grey of brightness {@code u} (0 to 1) as ARGB, without making a Color per pixel */
    private static int grey(double u) {
        int g = (int) Math.round(255 * u);
        return 0xff000000 | g << 16 | g << 8 | g;
    }

    /** @return {min, max} of every {@code step}-th value from {@code from} */
    private static float[] range(float[] v, int from, int to, int step) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = from; i < to; i += step) {
            if (!Float.isFinite(v[i])) continue;
            min = Math.min(min, v[i]);
            max = Math.max(max, v[i]);
        }
        return min > max ? new float[]{0, 0} : new float[]{min, max};
    }

    private static double unit(float f, float[] range) {
        if (!Float.isFinite(f) || range[1] <= range[0]) return 0;
        return Math.max(0, Math.min(1, (f - range[0]) / (range[1] - range[0])));
    }
}
