package org.strata.app.window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;
import org.strata.engine.runtime.ComputeDevice;

/**
 * The user's choices that outlive a session (theme, language, text size, snap to grid, compute device, recent
 * files), kept in Java
 * preferences. Tests use a separate node so they never touch a user's settings.
 */
public final class AppSettings {
    private static final int RECENT_MAX = 8;
    private final Preferences prefs;

    private AppSettings(Preferences prefs) {
        this.prefs = prefs;
    }

    /** @return the user's settings, or a scratch node when {@code strata.settings=test} */
    public static AppSettings load() {
        String node = "test".equals(System.getProperty("strata.settings")) ? "org/strata/app-test" : "org/strata/app";
        return new AppSettings(Preferences.userRoot().node(node));
    }

    public boolean dark() {
        return prefs.getBoolean("dark", false);
    }

    public void setDark(boolean dark) {
        prefs.putBoolean("dark", dark);
    }

    public Locale language() {
        return Locale.forLanguageTag(prefs.get("language", Locale.getDefault().getLanguage().equals("zh")
                ? "zh-CN" : "en"));
    }

    public void setLanguage(Locale l) {
        prefs.put("language", l.toLanguageTag());
    }

    /** @return the base text size in points: 13 normal, 16 large, 20 for a projector */
    public int fontSize() {
        return prefs.getInt("fontSize", 13);
    }

    public void setFontSize(int size) {
        prefs.putInt("fontSize", size);
    }

    /** @return where to compute (applies from the next start: ND4J picks its device once per process) */
    public ComputeDevice.Choice device() {
        try {
            return ComputeDevice.Choice.parse(prefs.get("device", "auto"));
        } catch (IllegalArgumentException e) {
            return ComputeDevice.Choice.AUTO;
        }
    }

    public void setDevice(ComputeDevice.Choice device) {
        prefs.put("device", device.key());
    }

    /** @return the CPU threads training uses; 0 for "measured per network, one core left to the window" */
    public int threads() {
        return Math.max(0, prefs.getInt("threads", 0));
    }

    public void setThreads(int threads) {
        prefs.putInt("threads", Math.max(0, threads));
    }

    /** @return whether the layer palette is shown beside the canvas (View › Palette) */
    public boolean showPalette() {
        return prefs.getBoolean("view.palette", true);
    }

    public void setShowPalette(boolean on) {
        prefs.putBoolean("view.palette", on);
    }

    /** @return whether the inspector is shown beside the canvas (View › Inspector) */
    public boolean showInspector() {
        return prefs.getBoolean("view.inspector", true);
    }

    public void setShowInspector(boolean on) {
        prefs.putBoolean("view.inspector", on);
    }

    public boolean snapToGrid() {
        return prefs.getBoolean("snap", false);
    }

    public void setSnapToGrid(boolean snap) {
        prefs.putBoolean("snap", snap);
    }

    /** @return where the main window was last closed, if it was */
    public java.util.Optional<WindowBounds> windowBounds() {
        double w = prefs.getDouble("window.width", -1);
        double h = prefs.getDouble("window.height", -1);
        if (!(w >= WindowBounds.MIN_WIDTH / 2 && h >= WindowBounds.MIN_HEIGHT / 2)) return java.util.Optional.empty();
        return java.util.Optional.of(new WindowBounds(prefs.getDouble("window.x", 0), prefs.getDouble("window.y", 0),
                w, h, prefs.getBoolean("window.maximized", false)));
    }

    public void setWindowBounds(WindowBounds b) {
        prefs.putDouble("window.x", b.x());
        prefs.putDouble("window.y", b.y());
        prefs.putDouble("window.width", b.width());
        prefs.putDouble("window.height", b.height());
        prefs.putBoolean("window.maximized", b.maximized());
    }

    /** @return recently opened or saved project files that still exist, newest first */
    public List<Path> recent() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < RECENT_MAX; i++) {
            String s = prefs.get("recent." + i, null);
            if (s != null && Files.isRegularFile(Path.of(s))) out.add(Path.of(s));
        }
        return out;
    }

    public void addRecent(Path file) {
        List<Path> list = recent();
        Path abs = file.toAbsolutePath().normalize();
        list.remove(abs);
        list.add(0, abs);
        for (int i = 0; i < RECENT_MAX; i++) {
            if (i < list.size()) prefs.put("recent." + i, list.get(i).toString());
            else prefs.remove("recent." + i);
        }
    }
}
