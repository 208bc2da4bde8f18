package org.strata.app;

import org.strata.engine.cli.StrataCli;
import org.strata.engine.runtime.NativeCache;

/**
 * The installed Strata's entry point (the {@code strata} command and the desktop entry): no arguments, a project
 * file or {@code --smoke-test} open the window; anything else is the command line ({@code strata train FILE},
 * {@code strata --help}). The native libraries unpack into Strata's own per-user cache folder.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        NativeCache.useStrataCacheFolder();
        if (opensWindow(args)) {
            if (noDesktop()) {
                System.err.println("Strata's window needs a desktop, and no display is set (DISPLAY / "
                        + "WAYLAND_DISPLAY). On a server use xvfb-run strata, or the command line: strata --help");
                System.exit(1);
            }
            Main.main(args);
            return;
        }
        System.exit(StrataCli.run(args));
    }

    /** @return true on Linux without a display to open a window on */
    private static boolean noDesktop() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        return linux && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** @return true when these arguments are for the window rather than the command line */
    static boolean opensWindow(String[] args) {
        return args.length == 0 || args[0].endsWith(".strata") || args[0].equals(SmokeTest.FLAG);
    }
}
