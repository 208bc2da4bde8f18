package org.strata.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeCacheTest {
    @Test
    void once_nd4j_has_loaded_every_library_of_the_chosen_build_is_in_the_cache() throws Exception {
        NativeSetup.warmUp().get();
        NativeCache cache = NativeCache.forChosenBuild();
        assertTrue(cache.totalBytes() > 300L << 20, "libnd4j alone is over 300 MB");
        assertTrue(cache.complete());
        assertEquals(1.0, cache.progress());
    }

    @Test
    void an_empty_cache_counts_nothing_and_a_file_being_unpacked_counts_what_it_has(@TempDir Path dir)
            throws Exception {
        NativeSetup.configure();
        String before = System.getProperty(NativeCache.CACHE_DIR_PROPERTY);
        System.setProperty(NativeCache.CACHE_DIR_PROPERTY, dir.toString());
        try {
            NativeCache cache = NativeCache.forChosenBuild();
            assertEquals(0, cache.cachedBytes());
            assertFalse(cache.complete());
            // JavaCPP's layout: <cache>/<jar file name>/<entry path>
            String entry = "org/nd4j/linalg/cpu/nativecpu/bindings/" + NativeCache.platform()
                    + NativeSetup.buildExtension() + "/libgomp.so.1";
            URL url = getClass().getClassLoader().getResource(entry);
            Path jar = Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
            Path cached = dir.resolve(jar.getFileName().toString()).resolve(entry);
            Files.createDirectories(cached.getParent());
            Files.write(cached, new byte[1000]);
            assertEquals(1000, cache.cachedBytes());
            assertTrue(cache.progress() > 0 && cache.progress() < 0.01);
        } finally {
            if (before == null) System.clearProperty(NativeCache.CACHE_DIR_PROPERTY);
            else System.setProperty(NativeCache.CACHE_DIR_PROPERTY, before);
        }
    }

    @Test
    void library_file_names_are_recognised() {
        assertTrue(NativeCache.isLibrary("libgomp.so.1"));
        assertTrue(NativeCache.isLibrary("libnd4jcpu.so"));
        assertTrue(NativeCache.isLibrary("jnind4jcpu.dll"));
        assertFalse(NativeCache.isLibrary("jni-config.json"));
    }
}
