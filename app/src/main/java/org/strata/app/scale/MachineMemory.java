package org.strata.app.scale;

import java.lang.management.ManagementFactory;

/** This machine's memory as the scale view marks it: the physical memory the operating system reports. */
public final class MachineMemory {
    private MachineMemory() {
    }

    /**
     * @return the machine's total physical memory in bytes, or the JVM's largest heap where the operating system
     *     does not say (a training run's arrays live outside the heap, so the machine's memory is the bound)
     */
    public static long physicalBytes() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun && sun.getTotalMemorySize() > 0) {
            return sun.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }
}
