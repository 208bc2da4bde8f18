package org.strata.app.training.view;

import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;

/**
 * Turns an image file's picture into a sample of the data's size: each cell the average of the pixels it covers.
 * Grey data gets "ink" from 0 (background) to 1 (stroke), inverted when the picture is dark on light (a photo of
 * a digit on paper) because MNIST-like data is light on dark; colour data gets its three channels, 0 to 1.
 */
public final class ImageSamples {
    private ImageSamples() {
    }

    /**
     * @param channels 1 (grey ink) or 3 (red, green, blue)
     * @return row-major, channels last, values 0 to 1
     * @throws IllegalArgumentException if the picture could not be read
     */
    public static float[] of(Image image, int rows, int cols, int channels) {
        if (image.isError() || image.getWidth() < 1 || image.getHeight() < 1) {
            throw new IllegalArgumentException(image.getException() == null ? "not an image"
                    : String.valueOf(image.getException().getMessage()));
        }
        PixelReader px = image.getPixelReader();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        float[] out = new float[rows * cols * channels];
        for (int r = 0; r < rows; r++) {
            int y0 = r * h / rows;
            int y1 = Math.max(y0 + 1, (r + 1) * h / rows);
            for (int c = 0; c < cols; c++) {
                int x0 = c * w / cols;
                int x1 = Math.max(x0 + 1, (c + 1) * w / cols);
                double[] sum = new double[3];
                int n = 0;
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        var colour = px.getColor(x, y);
                        // transparent pixels count as background (white paper)
                        double a = colour.getOpacity();
                        sum[0] += colour.getRed() * a + (1 - a);
                        sum[1] += colour.getGreen() * a + (1 - a);
                        sum[2] += colour.getBlue() * a + (1 - a);
                        n++;
                    }
                }
                int at = (r * cols + c) * channels;
                if (channels == 3) {
                    for (int k = 0; k < 3; k++) out[at + k] = (float) (sum[k] / n);
                } else {
                    out[at] = (float) ((0.299 * sum[0] + 0.587 * sum[1] + 0.114 * sum[2]) / n);
                }
            }
        }
        if (channels == 1 && borderMean(out, rows, cols) > 0.5) {
            for (int i = 0; i < out.length; i++) out[i] = 1 - out[i];
        }
        return out;
    }

    /** The mean brightness along the picture's edge: the background's. */
    private static double borderMean(float[] grey, int rows, int cols) {
        double sum = 0;
        int n = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (r == 0 || c == 0 || r == rows - 1 || c == cols - 1) {
                    sum += grey[r * cols + c];
                    n++;
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
