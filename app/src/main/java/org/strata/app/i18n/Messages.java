package org.strata.app.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every word the window shows, from the bundles in {@code ui-resources} ({@code org/strata/ui/messages*.properties}).
 * The language is chosen once per window; switching it rebuilds the window. Every text is a MessageFormat
 * pattern, so an apostrophe is written twice (`Strata''s`).
 */
public final class Messages {
    /** The languages the app ships complete. */
    public static final Locale[] LANGUAGES = {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE};
    private static final String BUNDLE = "org.strata.ui.messages";
    private static volatile Locale locale = Locale.ENGLISH;
    private static volatile ResourceBundle bundle = load(Locale.ENGLISH);

    private Messages() {
    }

    /** @return a language's name in that language, as language menus show it ("English", "简体中文") */
    public static String nativeName(Locale l) {
        return l.getLanguage().equals("zh") ? "简体中文" : l.getDisplayLanguage(l);
    }

    /** Switches the language for everything built after this call. */
    public static void setLocale(Locale l) {
        locale = l;
        bundle = load(l);
        // JavaFX's own texts (a text field's Cut/Copy/Paste menu, a colour picker's) follow the default locale
        Locale.setDefault(l);
    }

    public static Locale locale() {
        return locale;
    }

    /** @return the text for {@code key}, with {@code {0}}… filled from {@code args} */
    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!"; // visible in screenshots and caught by the bundle test
        }
        return new MessageFormat(pattern, locale).format(args); // always, so quotes are written the same way
    }

    /** @return whether the bundle has {@code key} (optional texts, e.g. a layer category's translation) */
    public static boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** @return the bundle for {@code l}, falling back to English */
    public static ResourceBundle bundle(Locale l) {
        return load(l);
    }

    private static ResourceBundle load(Locale l) {
        // No fallback to the JVM's default locale: an English user on a Chinese system asked for English.
        return ResourceBundle.getBundle(BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
