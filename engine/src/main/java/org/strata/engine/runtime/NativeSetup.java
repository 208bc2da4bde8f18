package org.strata.engine.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.strata.engine.runtime.ComputeDevice.Decision;

/**
 * Chooses ND4J's device ({@link ComputeDevice}) and, on the CPU, its native build before ND4J loads: the oneDNN
 * AVX-512 build where the processor has AVX-512 (convolutions ~14×, matrix products ~2.4× faster than the portable
 * build, measured), the AVX2 build where it has AVX2, else the portable x86-64 build. Call {@link #configure()} first thing in every entry point; later calls do
 * nothing.
 */
public final class NativeSetup {
    /** JavaCPP's switch between native builds of the same library. */
    static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    static final String FAST_BUILD = "-onednn-avx512";
    static final String AVX2_BUILD = "-avx2";
    private static final String MARKER = "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64%s/";
    private static volatile boolean configured;
    private static java.util.concurrent.CompletableFuture<Void> warmUp;

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
        // The device first: the CUDA backend has one native build, and JavaCPP applies the extension to every
        // library it loads, CUDA's too.
        if (ComputeDevice.decide().cuda()) return;
        if (System.getProperty(EXTENSION_PROPERTY) != null) return;
        System.setProperty(EXTENSION_PROPERTY, cpuBuildExtension());
    }

    /** @return the CPU build {@link #configure()} picks for this processor: "-onednn-avx512", "-avx2" or "" */
    static String cpuBuildExtension() {
        String set = System.getProperty(EXTENSION_PROPERTY);
        if (set != null) return set;
        String flags = cpuFlags();
        if (hasAvx512(flags) && present(FAST_BUILD)) return FAST_BUILD;
        if (flags.contains(" avx2") && present(AVX2_BUILD)) return AVX2_BUILD;
        return "";
    }

    /**
     * Chooses the build and starts loading ND4J on a background thread, so that reading a project and its data
     * overlaps the ~0.7 s native start-up; whoever touches ND4J first simply waits for it. The first start of an
     * installed Strata also unpacks the native libraries then (see {@link NativeCache}). Later calls return the same
     * future.
     *
     * @return completes when ND4J has loaded, or exceptionally with why it could not
     */
    public static synchronized java.util.concurrent.CompletableFuture<Void> warmUp() {
        if (warmUp != null) return warmUp;
        // A build with the CUDA backend asks the CUDA runtime for a GPU first, which loads (and on the first start
        // unpacks) CUDA's libraries: seconds a window's thread must not wait for. Without it the choice is instant.
        boolean decideHere = !ComputeDevice.cudaInBuild();
        if (decideHere) configure();
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        warmUp = done;
        Thread t = new Thread(() -> {
            try {
                if (!decideHere) configure();
                org.nd4j.linalg.factory.Nd4j.create(1);
                done.complete(null);
            } catch (Throwable e) { // an UnsatisfiedLinkError too: whoever waits says why
                done.completeExceptionally(e);
            }
        }, "nd4j-warm-up");
        t.setDaemon(true);
        t.start();
        return done;
    }

    /** @return "oneDNN AVX-512", "AVX2" or "portable x86-64", as chosen, or "CUDA" on a GPU */
    public static String buildName() {
        Decision d = ComputeDevice.current();
        if (d != null && d.cuda()) return "CUDA";
        String ext = System.getProperty(EXTENSION_PROPERTY, "");
        return ext.equals(FAST_BUILD) ? "oneDNN AVX-512" : ext.equals(AVX2_BUILD) ? "AVX2" : "portable x86-64";
    }

    /**
     * Waits for ND4J if it is still loading.
     *
     * @return where training runs, e.g. "CPU (oneDNN AVX-512)" or "NVIDIA H200 (CUDA)"
     */
    public static String activeDevice() {
        configure();
        if (ComputeDevice.current().cuda()) {
            @SuppressWarnings("unchecked")
            java.util.Map<Object, Object> env = org.nd4j.linalg.factory.Nd4j.getExecutioner()
                    .getEnvironmentInformation();
            return ComputeDevice.deviceName(env) + " (CUDA)";
        }
        return "CPU (" + buildName() + ")";
    }

    /** @return the chosen build's suffix on the platform's name: "-onednn-avx512", "-avx2" or "" */
    public static String buildExtension() {
        configure();
        return System.getProperty(EXTENSION_PROPERTY, "");
    }

    private static boolean present(String extension) {
        return NativeSetup.class.getClassLoader().getResource(String.format(MARKER, extension)) != null;
    }

    static boolean hasAvx512(String flags) {
        return flags.contains(" avx512f") && flags.contains(" avx512bw") && flags.contains(" avx512vl");
    }

    /** @return the processor's flags line(s) from /proc/cpuinfo (empty where there is none) */
    static String cpuFlags() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) return "";
        try {
            return Files.readString(Path.of("/proc/cpuinfo")) + " ";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
