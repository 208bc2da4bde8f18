package org.strata.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NativeSetupTest {
    @Test
    void avx512_machines_use_the_onednn_build_and_others_the_portable_one() {
        NativeSetup.configure();
        String flags = NativeSetup.cpuFlags();
        String expected = NativeSetup.hasAvx512(flags) ? "oneDNN AVX-512" : flags.contains(" avx2") ? "AVX2"
                : "portable x86-64";
        assertEquals(expected, NativeSetup.buildName());
    }
}
