package org.strata.engine.runtime;

import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Java reading or writing an ND4J array's memory directly (bulk copies for batches, telemetry and evaluation). On
 * the CPU that is the memory the ops use and nothing is needed; on a GPU it is a host copy, which must be brought up
 * to date before Java reads it and marked as newer after Java writes it, so that the next op copies it over.
 */
public final class HostMemory {
    private static volatile Boolean cpu;

    private HostMemory() {
    }

    /** Call before reading {@code a}'s memory from Java. */
    public static void beforeRead(INDArray a) {
        if (!isCpu()) Nd4j.getAffinityManager().ensureLocation(a, AffinityManager.Location.HOST);
    }

    /** Call after writing {@code a}'s memory from Java. */
    public static void afterWrite(INDArray a) {
        if (!isCpu()) Nd4j.getAffinityManager().tagLocation(a, AffinityManager.Location.HOST);
    }

    /**
     * @return whether ND4J computes on the CPU (asked of ND4J itself, which loads it if needed: whatever chose the
     *     backend, this is the one the ops run on)
     */
    public static boolean isCpu() {
        Boolean c = cpu;
        if (c == null) cpu = c = Nd4j.getEnvironment().isCPU();
        return c;
    }
}
