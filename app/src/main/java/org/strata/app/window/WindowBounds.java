package org.strata.app.window;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * Where the main window opens: where it was last closed, kept within a screen that is still there (a laptop taken
 * off its monitor), or else most of the main screen, never more than it: a fixed 1400×900 cut the File menu and the
 * status bar off a 1366×768 laptop.
 *
 * @param x         left edge, in screen coordinates
 * @param y         top edge
 * @param width     outer width
 * @param height    outer height
 * @param maximized whether it filled the screen
 */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    /** The size the window prefers where the screen has room for it. */
    static final double PREFERRED_WIDTH = 1400;
    static final double PREFERRED_HEIGHT = 900;
    /** Below this the panels no longer fit side by side; small screens get their whole visible area. */
    public static final double MIN_WIDTH = 900;
    public static final double MIN_HEIGHT = 600;

    /**
     * @param saved   where the window was last closed, if it was
     * @param screens the visible areas (without task bars) of the screens attached now
     * @param primary the visible area of the main screen
     */
    public static WindowBounds initial(Optional<WindowBounds> saved, List<Rectangle2D> screens, Rectangle2D primary) {
        if (saved.isPresent()) {
            WindowBounds s = saved.get();
            for (Rectangle2D screen : screens) {
                if (screen.contains(s.x + s.width / 2, s.y + s.height / 2)) return s.within(screen);
            }
        }
        double w = Math.min(PREFERRED_WIDTH, primary.getWidth());
        double h = Math.min(PREFERRED_HEIGHT, primary.getHeight());
        return new WindowBounds(primary.getMinX() + (primary.getWidth() - w) / 2,
                primary.getMinY() + (primary.getHeight() - h) / 2, w, h, saved.map(WindowBounds::maximized)
                .orElse(false));
    }

    /** @return these bounds made no larger than {@code screen} and moved wholly onto it */
    WindowBounds within(Rectangle2D screen) {
        double w = Math.min(width, screen.getWidth());
        double h = Math.min(height, screen.getHeight());
        double left = Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - w));
        double top = Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - h));
        return new WindowBounds(left, top, w, h, maximized);
    }
}
