package org.strata.app.window;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/** Strata's icon at the sizes window managers ask for (16–256 px), from {@code ui-resources}. */
public final class AppIcons {
    private static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private AppIcons() {
    }

    /** @return the icon drawn for {@code size} pixels (one of 16, 32, 48, 64, 128, 256) */
    public static Image of(int size) {
        var url = AppIcons.class.getResource("/org/strata/ui/icons/strata-" + size + ".png");
        return url == null ? null : new Image(url.toExternalForm());
    }

    /** @return every size, for {@code Stage.getIcons()} */
    public static List<Image> all() {
        List<Image> out = new ArrayList<>();
        for (int s : SIZES) {
            Image i = of(s);
            if (i != null) out.add(i);
        }
        return out;
    }
}
