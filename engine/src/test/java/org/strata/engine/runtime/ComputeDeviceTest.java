package org.strata.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.runtime.ComputeDevice.Choice;

/** The device choice, in a build without the CUDA backend (CI's): every path but a real GPU. */
class ComputeDeviceTest {
    private static final String SERVICE = "META-INF/services/org.nd4j.linalg.factory.Nd4jBackend";

    @Test
    void choices_parse_from_settings_and_the_command_line_and_a_bad_one_names_the_allowed_values() {
        assertEquals(Choice.AUTO, Choice.parse(null));
        assertEquals(Choice.AUTO, Choice.parse(" Auto "));
        assertEquals(Choice.CPU, Choice.parse("cpu"));
        assertEquals(Choice.CUDA, Choice.parse("cuda"));
        assertEquals(Choice.CUDA, Choice.parse("GPU"));
        var e = assertThrows(IllegalArgumentException.class, () -> Choice.parse("tpu"));
        assertTrue(e.getMessage().contains("use auto, cpu or cuda"), e.getMessage());
    }

    @Test
    void a_build_without_cuda_computes_on_the_cpu_and_says_so() {
        NativeSetup.configure();
        ComputeDevice.Decision d = ComputeDevice.current();
        assertFalse(ComputeDevice.cudaInBuild());
        assertFalse(d.cuda());
        assertFalse(d.refused()); // nobody asked for the GPU here
        assertTrue(NativeSetup.activeDevice().startsWith("CPU ("), NativeSetup.activeDevice());
        assertEquals("the CUDA runtime's Java classes are missing from this build", ComputeDevice.probeCuda());
    }

    @Test
    void an_explicit_gpu_request_that_cannot_be_met_is_a_refusal_with_its_reason() {
        var d = new ComputeDevice.Decision(Choice.CUDA, false, "no NVIDIA GPU was found");
        assertTrue(d.refused());
        assertFalse(new ComputeDevice.Decision(Choice.AUTO, false, "no NVIDIA GPU was found").refused());
    }

    @Test
    void nd4j_is_shown_only_the_chosen_backend(@TempDir Path dir) throws Exception {
        Path cpu = service(dir.resolve("cpu"), ComputeDevice.CPU_BACKEND);
        Path cuda = service(dir.resolve("cuda"), "# ND4J's CUDA backend\n" + ComputeDevice.CUDA_BACKEND);
        try (URLClassLoader both = new URLClassLoader(new URL[]{cpu.toUri().toURL(), cuda.toUri().toURL()}, null)) {
            assertEquals(2, Collections.list(both.getResources(SERVICE)).size());
            List<URL> onlyCuda = Collections.list(new ComputeDevice.OneBackend(both, ComputeDevice.CUDA_BACKEND)
                    .getResources(SERVICE));
            assertEquals(1, onlyCuda.size());
            assertTrue(onlyCuda.get(0).toString().contains("/cuda/"), onlyCuda.toString());
            List<URL> onlyCpu = Collections.list(new ComputeDevice.OneBackend(both, ComputeDevice.CPU_BACKEND)
                    .getResources(SERVICE));
            assertEquals(1, onlyCpu.size());
            assertTrue(onlyCpu.get(0).toString().contains("/cpu/"), onlyCpu.toString());
        }
    }

    @Test
    void the_device_is_named_from_nd4js_environment() {
        Map<Object, Object> gpu = Map.of("cuda.devicesInformation",
                List.of(Map.of("cuda.deviceName", "NVIDIA H200 ", "cuda.totalMemory", 150_000_000_000L)));
        assertEquals("NVIDIA H200", ComputeDevice.deviceName(gpu));
        assertEquals("CPU", ComputeDevice.deviceName(Map.of("cores", 2)));
    }

    private static Path service(Path root, String content) throws Exception {
        Path f = root.resolve(SERVICE);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content + "\n");
        return root;
    }
}
