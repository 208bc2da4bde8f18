package org.strata.engine.runtime;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The native libraries that ND4J's first use unpacks from their jars into JavaCPP's per-user cache (about 400 MB
 * for one build: libnd4j, OpenBLAS, the JNI glue), and how much of them is there already. An installed Strata shows
 * a splash with this progress on its first start; later starts find them all and skip it.
 *
 * <p>JavaCPP's layout is {@code <cache>/<jar file name>/<entry path>}, each file extracted at its entry's size.
 */
public final class NativeCache {
    /** JavaCPP's property for its cache folder (default {@code ~/.javacpp/cache}). */
    public static final String CACHE_DIR_PROPERTY = "org.bytedeco.javacpp.cachedir";

    /** One library file: where it is cached and how large it is. */
    private record Library(Path cached, long size) {
    }

    private final List<Library> libraries;

    private NativeCache(List<Library> libraries) {
        this.libraries = List.copyOf(libraries);
    }

    /**
     * Makes JavaCPP unpack into Strata's own per-user cache folder ({@link #userCacheFolder()}) unless one was set;
     * so that removing Strata's cache removes the libraries too. Call before ND4J loads.
     */
    public static void useStrataCacheFolder() {
        if (System.getProperty(CACHE_DIR_PROPERTY) == null) {
            System.setProperty(CACHE_DIR_PROPERTY, userCacheFolder().toString());
        }
    }

    /**
     * @return {@code $XDG_CACHE_HOME/strata/native} (or {@code ~/.cache/...}) on Linux, {@code
     *     ~/Library/Caches/Strata/native} on macOS, {@code %LOCALAPPDATA%\Strata\native} on Windows
     */
    public static Path userCacheFolder() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return (local != null ? Path.of(local) : home.resolve("AppData").resolve("Local"))
                    .resolve("Strata").resolve("native");
        }
        if (os.contains("mac")) return home.resolve("Library").resolve("Caches").resolve("Strata").resolve("native");
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache")).resolve("strata")
                .resolve("native");
    }

    /** @return JavaCPP's cache folder as it will be used */
    public static Path folder() {
        String set = System.getProperty(CACHE_DIR_PROPERTY);
        return set != null ? Path.of(set) : Path.of(System.getProperty("user.home"), ".javacpp", "cache");
    }

    /**
     * Lists the libraries of the build {@link NativeSetup} chose. Libraries not inside jars (a development set-up
     * that points at folders) are left out: nothing unpacks them.
     */
    public static NativeCache forChosenBuild() {
        String platform = platform();
        List<Library> libs = new ArrayList<>();
        Path folder = folder();
        addLibraries("org/bytedeco/javacpp/" + platform + "/", folder, libs);
        ComputeDevice.Decision d = ComputeDevice.current();
        // In a build with CUDA the device may still be being decided (off the window's thread): then both sets.
        boolean mayBeGpu = ComputeDevice.cudaInBuild() && (d == null || d.cuda());
        boolean mayBeCpu = d == null || !d.cuda();
        if (mayBeGpu) {
            for (String dir : CUDA_FOLDERS) addLibraries(dir.formatted(platform), folder, libs);
        }
        if (mayBeCpu) {
            String build = d == null ? NativeSetup.cpuBuildExtension() : NativeSetup.buildExtension();
            addLibraries("org/nd4j/linalg/cpu/nativecpu/bindings/" + platform + build + "/", folder, libs);
            addLibraries("org/bytedeco/openblas/" + platform + "/", folder, libs);
        }
        return new NativeCache(libs);
    }

    /** Where the CUDA backend's libraries and the CUDA runtime's (JavaCPP presets' layout) lie in their jars. */
    private static final List<String> CUDA_FOLDERS = List.of("org/nd4j/linalg/jcublas/bindings/%s/",
            "org/bytedeco/cuda/%s/");

    private static void addLibraries(String dir, Path cacheFolder, List<Library> out) {
        URL url = NativeCache.class.getClassLoader().getResource(dir);
        if (url == null || !"jar".equals(url.getProtocol())) return;
        try {
            JarURLConnection c = (JarURLConnection) url.openConnection();
            c.setUseCaches(false);
            Path jar = Path.of(c.getJarFileURL().toURI());
            try (JarFile file = new JarFile(jar.toFile())) {
                Enumeration<JarEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    JarEntry e = entries.nextElement();
                    String name = e.getName();
                    if (e.isDirectory() || !name.startsWith(dir) || name.indexOf('/', dir.length()) >= 0) continue;
                    if (!isLibrary(name.substring(dir.length()))) continue;
                    out.add(new Library(cacheFolder.resolve(jar.getFileName().toString()).resolve(name),
                            Math.max(0, e.getSize())));
                }
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            // Unknown layout: no progress to show for it, and loading still works (or says why itself).
        }
    }

    static boolean isLibrary(String fileName) {
        return fileName.endsWith(".dll") || fileName.endsWith(".dylib") || fileName.matches(".*\\.so(\\.\\d+)*");
    }

    /** @return JavaCPP's name for this platform, e.g. {@code linux-x86_64} */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.contains("win") ? "windows" : os.contains("mac") ? "macosx" : "linux";
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : arch;
        return o + "-" + a;
    }

    /** @return bytes of all the libraries */
    public long totalBytes() {
        return libraries.stream().mapToLong(Library::size).sum();
    }

    /** @return bytes of them already in the cache (a file being written counts with what it has so far) */
    public long cachedBytes() {
        long sum = 0;
        for (Library l : libraries) {
            try {
                if (Files.isRegularFile(l.cached())) sum += Math.min(l.size(), Files.size(l.cached()));
            } catch (IOException e) {
                // being replaced right now: counts as not there yet
            }
        }
        return sum;
    }

    /** @return true when every library is in the cache at its full size (nothing to unpack) */
    public boolean complete() {
        return cachedBytes() >= totalBytes();
    }

    /** @return the share unpacked, 0..1 (1 when there is nothing to unpack) */
    public double progress() {
        long total = totalBytes();
        return total == 0 ? 1 : Math.min(1, (double) cachedBytes() / total);
    }
}
