package org.strata.app.training;

/**
 * Frames a drawing the way MNIST's digits were prepared: the ink's bounding box scaled (keeping its proportions) to
 * fit a 20-pixel box on a 28-pixel canvas, then moved so that its centre of mass sits in the middle. Without this,
 * a digit drawn large or off-centre looks like nothing the network has seen.
 */
public final class MnistFraming {
    private MnistFraming() {
    }

    /** @return the framed drawing, same size; a blank drawing is returned as it is */
    public static float[] frame(float[] ink, int rows, int cols) {
        int top = rows;
        int bottom = -1;
        int left = cols;
        int right = -1;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (ink[r * cols + c] <= 0.05f) continue;
                top = Math.min(top, r);
                bottom = Math.max(bottom, r);
                left = Math.min(left, c);
                right = Math.max(right, c);
            }
        }
        if (bottom < 0) return ink;
        int h = bottom - top + 1;
        int w = right - left + 1;
        double box = Math.min(rows, cols) * 20.0 / 28.0;
        double scale = box / Math.max(h, w);
        int sh = Math.max(1, (int) Math.round(h * scale));
        int sw = Math.max(1, (int) Math.round(w * scale));
        // resample the bounding box to sh × sw (area average)
        float[] small = new float[sh * sw];
        for (int r = 0; r < sh; r++) {
            for (int c = 0; c < sw; c++) {
                double r0 = top + r / scale;
                double c0 = left + c / scale;
                double sum = 0;
                int n = 0;
                for (int rr = (int) r0; rr < Math.min(bottom + 1, (int) Math.ceil(r0 + 1 / scale)); rr++) {
                    for (int cc = (int) c0; cc < Math.min(right + 1, (int) Math.ceil(c0 + 1 / scale)); cc++) {
                        sum += ink[rr * cols + cc];
                        n++;
                    }
                }
                small[r * sw + c] = n == 0 ? 0 : (float) (sum / n);
            }
        }
        double mass = 0;
        double mr = 0;
        double mc = 0;
        for (int r = 0; r < sh; r++) {
            for (int c = 0; c < sw; c++) {
                mass += small[r * sw + c];
                mr += r * small[r * sw + c];
                mc += c * small[r * sw + c];
            }
        }
        int offR = (int) Math.round(rows / 2.0 - (mass == 0 ? sh / 2.0 : mr / mass + 0.5));
        int offC = (int) Math.round(cols / 2.0 - (mass == 0 ? sw / 2.0 : mc / mass + 0.5));
        float[] out = new float[rows * cols];
        for (int r = 0; r < sh; r++) {
            for (int c = 0; c < sw; c++) {
                int rr = r + offR;
                int cc = c + offC;
                if (rr >= 0 && cc >= 0 && rr < rows && cc < cols) out[rr * cols + cc] = Math.min(1f, small[r * sw + c]);
            }
        }
        return out;
    }
}
