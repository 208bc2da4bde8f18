package org.strata.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NativeSetupTest {
    @Test
    void avx512_machines_use_the_onednn_build_and_others_the_portable_one() {
        NativeSetup.configure();
        assertEquals(NativeSetup.hasAvx512() ? "oneDNN AVX-512" : "portable x86-64", NativeSetup.buildName());
    }
}
