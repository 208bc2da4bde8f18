package org.strata.engine.cli;

import org.strata.engine.runtime.ComputeDevice;

/** The {@code --device} option of the commands that compute (train, evaluate). */
final class Devices {
    /** Devices a user can ask for (the value itself is taken before ND4J loads, in {@link StrataCli}). */
    enum Device { auto, cpu, cuda }

    private Devices() {
    }

    /**
     * @param device the command's {@code --device}, or null (then {@code -Dstrata.device} counts)
     * @return why the device asked for cannot be used (a GPU asked for explicitly), or null when all is well
     */
    static String refusal(Device device) {
        ComputeDevice.Choice c = device != null ? ComputeDevice.Choice.parse(device.name())
                : ComputeDevice.fromProperty();
        return ComputeDevice.refusal(c)
                .map(why -> "--device cuda: " + why + ". Without --device Strata runs on the CPU.").orElse(null);
    }
}
