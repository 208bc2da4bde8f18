package org.strata.app.i18n;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.strata.engine.layers.LayerType;
import org.strata.engine.params.ParamSpec;

/**
 * The engine's layer and parameter texts in the window's language. English is the engine's own table text (written
 * once, next to each layer's shape rule); other languages translate it in {@code catalogue_<lang>.properties}.
 */
public final class Catalogue {
    private static final String BUNDLE = "org.strata.ui.catalogue";

    private Catalogue() {
    }

    /** @return the layer type's one-line description */
    public static String description(LayerType type) {
        return text("layer." + type.id(), type.description());
    }

    /** @return the parameter's label ("Kernel size", "卷积核大小") */
    public static String label(ParamSpec spec) {
        return text("param." + spec.name(), spec.label());
    }

    /** @return the parameter's one-line description */
    public static String description(ParamSpec spec) {
        return text("desc." + spec.name(), spec.description());
    }

    /** @return the bundle of a language, for the completeness test */
    public static ResourceBundle bundle(Locale l) {
        return ResourceBundle.getBundle(BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String text(String key, String english) {
        try {
            ResourceBundle b = bundle(Messages.locale());
            return b.containsKey(key) ? b.getString(key) : english;
        } catch (MissingResourceException e) {
            return english;
        }
    }
}
