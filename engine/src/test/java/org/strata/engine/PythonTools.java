package org.strata.engine;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A python3 with the modules an independent proof needs (NumPy, ONNX's checker, PyTorch). CI installs them
 * ({@code .ci/run}) and a test that lacks one fails there; on a developer's machine without them the test skips
 * itself, saying which Debian package to install.
 */
public final class PythonTools {
    private PythonTools() {
    }

    /**
     * @param module  the module to import ("numpy", "onnx")
     * @param package the Debian package that provides it ("python3-numpy")
     * @return the python3 to run
     */
    public static String with(String module, String debianPackage) throws Exception {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import " + module).redirectErrorStream(true).start();
                if (p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0) return candidate;
            } catch (java.io.IOException ignored) {
                // try the next one
            }
        }
        String why = "no python3 with " + module + " found: install it (apt-get install " + debianPackage + ")";
        if (System.getenv("CI") != null) throw new AssertionError(why);
        Assumptions.abort(why);
        return null;
    }
}
