package org.strata.engine;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.strata.engine.runtime.NativeSetup;

/** Tests load ND4J's native build as the application does. */
public final class NativeSetupListener implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        NativeSetup.configure();
    }
}
