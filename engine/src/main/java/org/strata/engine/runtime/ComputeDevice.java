package org.strata.engine.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.common.config.ND4JClassLoading;

/**
 * Where ND4J computes: the CPU, or an NVIDIA GPU through ND4J's CUDA backend (in builds made with {@code -Pcuda}).
 * ND4J picks its backend once per process when it loads, so the choice is made before that, from the
 * {@code strata.device} system property: {@code auto} (the GPU when one is usable, else the CPU), {@code cpu} or
 * {@code cuda}. ND4J is then shown only the chosen backend, so it can neither fall back silently nor print a failed
 * CUDA probe's stack trace on a machine without a GPU.
 */
public final class ComputeDevice {
    /** The system property holding the user's choice. */
    public static final String PROPERTY = "strata.device";
    static final String CUDA_BACKEND = "org.nd4j.linalg.jcublas.JCublasBackend";
    static final String CPU_BACKEND = "org.nd4j.linalg.cpu.nativecpu.CpuBackend";
    private static final String NO_CUDA_BACKEND = "this build of Strata has no CUDA backend (build it with -Pcuda)";
    private static final String SERVICE = "META-INF/services/org.nd4j.linalg.factory.Nd4jBackend";

    /** What a user can ask for. */
    public enum Choice {
        /** The GPU when one is usable, else the CPU. */
        AUTO,
        /** The CPU. */
        CPU,
        /** An NVIDIA GPU through CUDA. */
        CUDA;

        /** @return the lower-case name used on the command line and in settings */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @return the choice named {@code s} (auto, cpu, cuda; "gpu" is taken for cuda)
         * @throws IllegalArgumentException naming the allowed values
         */
        public static Choice parse(String s) {
            String k = s == null ? "auto" : s.trim().toLowerCase(Locale.ROOT);
            return switch (k) {
                case "", "auto" -> AUTO;
                case "cpu" -> CPU;
                case "cuda", "gpu" -> CUDA;
                default -> throw new IllegalArgumentException(PROPERTY + " is '" + s + "'; use auto, cpu or cuda");
            };
        }
    }

    /**
     * The outcome.
     *
     * @param requested what was asked for
     * @param cuda      whether ND4J will run on the GPU
     * @param problem   why the GPU is not used although it was asked for or could have been, or empty
     */
    public record Decision(Choice requested, boolean cuda, String problem) {
        /** @return whether a GPU was asked for explicitly and cannot be used */
        public boolean refused() {
            return requested == Choice.CUDA && !cuda;
        }
    }

    private static volatile Decision decision;
    private static volatile Choice request;

    private ComputeDevice() {
    }

    /** @return the choice given to {@link #request}, else the one in {@link #PROPERTY} */
    public static Choice requested() {
        Choice r = request;
        return r != null ? r : fromProperty();
    }

    /** @return the choice in {@link #PROPERTY} (auto when unset) */
    public static Choice fromProperty() {
        return Choice.parse(System.getProperty(PROPERTY, "auto"));
    }

    /** Asks for a device (a command-line option); only the first decision counts, so call it before ND4J loads. */
    public static void request(Choice c) {
        request = c;
    }

    /** @return whether this build contains ND4J's CUDA backend at all */
    public static boolean cudaInBuild() {
        return resource(CUDA_BACKEND.replace('.', '/') + ".class");
    }

    /**
     * Decides once per process and restricts ND4J to the chosen backend; later calls return the first decision.
     * Must run before ND4J loads ({@link NativeSetup#configure()} calls it).
     */
    public static synchronized Decision decide() {
        if (decision != null) return decision;
        Choice c;
        try {
            c = requested();
        } catch (IllegalArgumentException e) {
            c = Choice.AUTO; // a bad value was reported by whoever parsed it; never fail to start over it
        }
        String problem = "";
        boolean cuda = false;
        if (c != Choice.CPU) {
            if (!cudaInBuild()) {
                problem = c == Choice.CUDA ? NO_CUDA_BACKEND : "";
            } else {
                problem = probeCuda();
                cuda = problem.isEmpty();
            }
        }
        onlyBackend(cuda ? CUDA_BACKEND : CPU_BACKEND);
        decision = new Decision(c, cuda, problem);
        return decision;
    }

    /**
     * Checks a request against the device ND4J runs on (decided once per process, perhaps before this request).
     *
     * @return why a GPU asked for is not in use, or empty
     */
    public static java.util.Optional<String> refusal(Choice requested) {
        Decision d = decide();
        if (requested != Choice.CUDA || d.cuda()) return java.util.Optional.empty();
        if (!cudaInBuild()) return java.util.Optional.of(NO_CUDA_BACKEND);
        return java.util.Optional.of(d.problem().isEmpty() ? "ND4J had already started on the CPU" : d.problem());
    }

    /** @return the decision made, or null before {@link #decide()} */
    public static Decision current() {
        return decision;
    }

    /**
     * Asks the CUDA runtime for devices, the way ND4J's CUDA backend does before it starts.
     *
     * @return empty if at least one device answers, else why not
     */
    static String probeCuda() {
        try {
            Class<?> cudart = Class.forName("org.bytedeco.cuda.global.cudart");
            int[] count = new int[1];
            int err = (int) cudart.getMethod("cudaGetDeviceCount", int[].class).invoke(null, (Object) count);
            if (err != 0) return "the CUDA runtime answered error " + err + " (is the NVIDIA driver up to date?)";
            if (count[0] == 0) return "no NVIDIA GPU was found";
            return "";
        } catch (ClassNotFoundException e) {
            return "the CUDA runtime's Java classes are missing from this build";
        } catch (java.lang.reflect.InvocationTargetException e) {
            return "the CUDA runtime could not start: " + rootMessage(e.getCause());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            String why = rootMessage(e);
            return why.contains("libcuda.so") ? "the NVIDIA driver is not installed (" + why + ")"
                    : "the CUDA runtime could not load: " + why;
        }
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }

    /**
     * Describes the device ND4J runs on, once it has loaded: "CPU" or the GPU's name.
     *
     * @param environment ND4J's {@code getEnvironmentInformation()}
     */
    public static String deviceName(Map<Object, Object> environment) {
        Object devices = environment.get("cuda.devicesInformation");
        if (devices instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
            Object name = first.get("cuda.deviceName");
            if (name != null) return name.toString().trim();
        }
        return "CPU";
    }

    /** Shows ND4J (which looks its backends up through its own class loader) only {@code backendClass}. */
    private static void onlyBackend(String backendClass) {
        ClassLoader parent = ND4JClassLoading.getNd4jClassloader();
        if (parent == null) parent = ComputeDevice.class.getClassLoader();
        ND4JClassLoading.setNd4jClassloader(new OneBackend(parent, backendClass));
    }

    private static boolean resource(String name) {
        return ComputeDevice.class.getClassLoader().getResource(name) != null;
    }

    /** Delegates everything, except that the backend service files not naming the chosen backend are hidden. */
    static final class OneBackend extends ClassLoader {
        private final String backendClass;

        OneBackend(ClassLoader parent, String backendClass) {
            super(parent);
            this.backendClass = backendClass;
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            Enumeration<URL> all = super.getResources(name);
            if (!SERVICE.equals(name)) return all;
            List<URL> kept = new ArrayList<>();
            for (URL u : Collections.list(all)) if (names(u, backendClass)) kept.add(u);
            return Collections.enumeration(kept);
        }

        private static boolean names(URL service, String backendClass) {
            try (InputStream in = service.openStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                for (String line : text.split("\n")) {
                    if (line.replaceFirst("#.*", "").trim().equals(backendClass)) return true;
                }
                return false;
            } catch (IOException e) {
                return true; // unreadable: leave the decision to ND4J
            }
        }
    }
}
