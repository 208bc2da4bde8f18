package org.strata.engine.runtime;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/** The number of threads ND4J's native code (its own loops, OpenMP and oneDNN) may use, process-wide. */
public final class Threads {
    private static volatile int current;

    private Threads() {
    }

    /** Sets the native thread count. */
    public static synchronized void set(int n) {
        int t = Math.max(1, n);
        Nd4j.getEnvironment().setMaxThreads(t);
        Nd4j.getEnvironment().setMaxMasterThreads(t);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(t); // oneDNN follows OpenMP
        current = t;
    }

    /** @return the count last set, or the processor count if never set */
    public static int current() {
        return current > 0 ? current : available();
    }

    /** @return the processors this JVM may use */
    public static int available() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** @return the thread count requested by the {@code strata.threads} system property, 0 for "measure" */
    public static int requested() {
        return Integer.getInteger("strata.threads", 0);
    }
}
