package org.strata.engine.runtime;

import java.lang.management.ManagementFactory;

/** How much memory a training run may count on: ND4J's limit for its arrays, or else most of the machine's RAM. */
public final class MemoryBudget {
    private MemoryBudget() {
    }

    /** @return bytes the engine's arrays may take */
    public static long bytes() {
        long physical = physical();
        long limit = org.bytedeco.javacpp.Pointer.maxPhysicalBytes();
        long usable = physical > 0 ? physical * 4 / 5 : Long.MAX_VALUE; // leave the system and the window room
        return limit > 0 ? Math.min(limit, usable) : usable;
    }

    private static long physical() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getTotalMemorySize();
        return 0;
    }
}
