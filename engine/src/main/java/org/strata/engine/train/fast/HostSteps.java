package org.strata.engine.train.fast;

/**
 * Whether kernels compute their element-wise work in Java ({@link NativeOp#onHost}) or as chains of libnd4j ops.
 * In Java on the CPU; the chains of ops serve other backends (CUDA), and tests run them on the CPU too so that neither
 * way goes untested. Read when a plan is built.
 */
final class HostSteps {
    /** {@code -Dstrata.hostSteps=false} builds every plan from libnd4j ops alone (to compare, or to rule Java out). */
    private static volatile boolean enabled = NativeOp.onCpu()
            && !"false".equals(System.getProperty("strata.hostSteps"));

    private HostSteps() {
    }

    /** @return true if plans built now compute their element-wise work in Java */
    static boolean enabled() {
        return enabled;
    }

    /**
     * For tests: builds later plans one way or the other (never in Java where the arrays are not in this process).
     *
     * @return the previous setting
     */
    static boolean enable(boolean on) {
        boolean was = enabled;
        enabled = on && NativeOp.onCpu();
        return was;
    }
}
