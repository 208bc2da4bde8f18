package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * One libnd4j op bound to its arrays and arguments once, then run many times: a reused context costs ~1–2 µs a
 * call where building the op each time costs 10–40 µs and garbage. Each call site gets its own context, because a
 * context's arguments cannot be cleared, only overwritten.
 */
final class NativeOp {
    private final String name;
    private final DynamicCustomOp op;
    private final org.nd4j.linalg.api.ops.Op legacy;
    private final OpContext ctx;
    /** For a strict legacy transform on the CPU: its input and output as libnd4j takes them, bound once. */
    private final LegacyCall legacyCall;
    /** Integer arguments handed to libnd4j from memory reused call after call (ND4J's setter allocates anew). */
    private org.bytedeco.javacpp.LongPointer iargMemory;
    /** With -Dstrata.profileOps, this call site's name and input shapes (the profile's key); else null. */
    private final String profileKey;
    /** For a step computed in Java ({@link #onHost}): its body; else null. */
    private final Runnable host;

    /** A legacy transform's buffers and shapes, held so that a call creates no Java or native objects. */
    private record LegacyCall(int opNum, org.nd4j.nativeblas.OpaqueDataBuffer x,
                              org.bytedeco.javacpp.LongPointer xShape, org.nd4j.nativeblas.OpaqueDataBuffer z,
                              org.bytedeco.javacpp.LongPointer zShape) {
        static LegacyCall of(org.nd4j.linalg.api.ops.Op op, INDArray x, INDArray z) {
            return new LegacyCall(op.opNum(), opaque(x), new org.bytedeco.javacpp.LongPointer(
                    x.shapeInfoDataBuffer().addressPointer()), opaque(z), new org.bytedeco.javacpp.LongPointer(
                    z.shapeInfoDataBuffer().addressPointer()));
        }

        private static org.nd4j.nativeblas.OpaqueDataBuffer opaque(INDArray a) {
            return ((org.nd4j.linalg.cpu.nativecpu.buffer.BaseCpuDataBuffer) a.data()).getOpaqueDataBuffer();
        }
    }

    private NativeOp(String name, INDArray[] inputs, INDArray[] outputs, long[] iargs, double[] targs,
                     boolean[] bargs) {
        this(name, DynamicCustomOp.builder(name).build(), null, inputs, outputs, iargs, targs, bargs);
    }

    private NativeOp(String name, DynamicCustomOp op, org.nd4j.linalg.api.ops.Op legacy, INDArray[] inputs,
                     INDArray[] outputs, long[] iargs, double[] targs, boolean[] bargs) {
        this.name = name;
        this.op = op;
        this.legacy = legacy;
        this.host = null;
        // ND4J's exec(op, context) for a legacy op builds pointers and argument buffers on every call (3 KB of
        // Java objects a training step for one GELU layer, measured); libnd4j's entry point needs none of it.
        this.legacyCall = legacy instanceof org.nd4j.linalg.api.ops.BaseTransformStrictOp && DIRECT
                ? LegacyCall.of(legacy, inputs[0], outputs[0]) : null;
        this.profileKey = PROFILE == null ? null : profileKey(name, inputs);
        this.ctx = Nd4j.getExecutioner().buildContext();
        ctx.setInputArrays(inputs);
        ctx.setOutputArrays(outputs);
        if (iargs.length > 0) ctx.setIArguments(iargs);
        if (targs.length > 0) ctx.setTArguments(targs);
        if (bargs.length > 0) ctx.setBArguments(bargs);
    }

    private NativeOp(String name, Runnable host) {
        this.name = name;
        this.op = null;
        this.legacy = null;
        this.legacyCall = null;
        this.ctx = null;
        this.host = host;
        this.profileKey = PROFILE == null ? null : name;
    }

    /**
     * A step of a plan computed in Java on the plan's arrays (read and written through {@link HostView}s), where
     * libnd4j has no fused op and a chain of its small ops costs far more than the arithmetic: only on the CPU
     * ({@link #onCpu()}).
     *
     * @param name what the profile calls it
     * @param body the step's work; it allocates nothing
     */
    static NativeOp onHost(String name, Runnable body) {
        if (!DIRECT) throw new IllegalStateException("a step in Java needs the arrays in the process's memory");
        return new NativeOp(name, body);
    }

    /** @return true where the plan's arrays live in this process's memory, so that steps may run in Java */
    static boolean onCpu() {
        return DIRECT;
    }

    /**
     * A transform that exists only as one of ND4J's legacy ops (GELU in 1.0.0-M2.1), run through a reused context
     * all the same.
     */
    static NativeOp legacy(org.nd4j.linalg.api.ops.Op transform, INDArray in, INDArray out) {
        return new NativeOp(transform.opName(), null, transform, new INDArray[]{in}, new INDArray[]{out},
                new long[0], new double[0], new boolean[0]);
    }

    /**
     * @return {@code out = alpha·a·b} (transposed as asked), or {@code out += alpha·a·b} when {@code accumulate};
     *         batched over leading axes when a and b have more than two
     */
    static NativeOp matmul(INDArray a, boolean ta, INDArray b, boolean tb, INDArray out, double alpha,
                           boolean accumulate) {
        return of("matmul").in(a, b).out(out).iargs(ta ? 1 : 0, tb ? 1 : 0, 0).targs(alpha, accumulate ? 1.0 : 0.0)
                .build();
    }

    /** Starts describing an op called {@code name}. */
    static Builder of(String name) {
        return new Builder(name);
    }

    void run() {
        if (PROFILE == null) {
            exec();
            return;
        }
        long t0 = System.nanoTime();
        exec();
        long ns = System.nanoTime() - t0;
        PROFILE.merge(profileKey, new long[]{ns, 1}, (a, b) -> new long[]{a[0] + b[0], a[1] + b[1]});
    }

    private void exec() {
        if (host != null) {
            host.run();
        } else if (legacyCall != null) {
            var nativeOps = NativeOpsHolder.getInstance().getDeviceNativeOps();
            nativeOps.execTransformStrict(null, legacyCall.opNum(), legacyCall.x(), legacyCall.xShape(), null,
                    legacyCall.z(), legacyCall.zShape(), null, null);
            if (nativeOps.lastErrorCode() != 0) {
                throw new IllegalStateException("libnd4j op " + name + " failed: " + nativeOps.lastErrorMessage());
            }
        } else if (op == null) {
            Nd4j.exec(legacy, ctx);
        } else if (DIRECT) {
            // The executioner's exec(op, ctx) adds ~2.5 µs of checks and list copies per call (measured), a tenth of
            // the MLP's step. On the CPU nothing else is needed: the arrays already live where libnd4j reads them.
            if (NativeOpsHolder.getInstance().getDeviceNativeOps().execCustomOp2(null, op.opHash(),
                    ctx.contextPointer()) != 0) {
                throw new IllegalStateException("libnd4j op " + name + " failed: "
                        + NativeOpsHolder.getInstance().getDeviceNativeOps().lastErrorMessage());
            }
        } else {
            // Other backends (CUDA) move data between host and device around the call: keep ND4J's full path.
            Nd4j.getExecutioner().exec(op, ctx);
        }
    }

    /** Whether ops may be called straight through libnd4j's native entry point (the CPU backend). */
    private static final boolean DIRECT = org.strata.engine.runtime.HostMemory.isCpu();

    /** With -Dstrata.profileOps, total nanoseconds and calls per call site (printed at exit); else null. */
    private static final java.util.Map<String, long[]> PROFILE = Boolean.getBoolean("strata.profileOps")
            ? profile() : null;

    private static java.util.Map<String, long[]> profile() {
        java.util.Map<String, long[]> m = new java.util.concurrent.ConcurrentHashMap<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> m.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .forEach(e -> System.err.printf("op %-50s %8.1f ms %8d calls %8.1f µs a call%n", e.getKey(),
                        e.getValue()[0] / 1e6, e.getValue()[1], e.getValue()[0] / 1e3 / e.getValue()[1]))));
        return m;
    }

    /** Names a call site by its op and input shapes, so that the profile tells one layer's op from another's. */
    private static String profileKey(String name, INDArray[] inputs) {
        StringBuilder key = new StringBuilder(name);
        for (INDArray a : inputs) key.append(' ').append(java.util.Arrays.toString(a.shape()).replace(" ", ""));
        return key.toString();
    }

    /** Rebinds input {@code i} to another array of the same shape (cheap: sets a pointer). */
    void setInput(int i, INDArray array) {
        ctx.setInputArray(i, array);
    }

    /**
     * Copies an array with a custom op: ND4J's legacy ops (assign, dup) run on another thread pool, and one of them
     * between training steps was measured to slow every later CNN epoch 3–4×.
     */
    static INDArray copy(INDArray source, INDArray target) {
        of("identity").in(source).out(target).build().run();
        return target;
    }

    /** As {@link #copy(INDArray, INDArray)} into a new array. */
    static INDArray copy(INDArray source) {
        return copy(source, Nd4j.create(source.dataType(), source.shape()));
    }

    /** Replaces the integer arguments with one (e.g. the optimizer's iteration count). */
    void setIArguments(long iarg) {
        if (!DIRECT || iargMemory == null) {
            setIArguments(new long[]{iarg});
            return;
        }
        iargMemory.put(0, iarg); // without an array per call: the optimizer sets its step number every step
        passIArguments(1);
    }

    /** Replaces the integer arguments (e.g. a step number). */
    void setIArguments(long... iargs) {
        if (!DIRECT) {
            ctx.setIArguments(iargs);
            return;
        }
        // one block of memory serves every call
        if (iargMemory == null || iargMemory.capacity() < iargs.length) {
            iargMemory = new org.bytedeco.javacpp.LongPointer(iargs.length);
        }
        iargMemory.put(iargs, 0, iargs.length);
        passIArguments(iargs.length);
    }

    /** Hands the first {@code n} values of {@link #iargMemory} to the context (libnd4j copies them in). */
    private void passIArguments(int n) {
        NativeOpsHolder.getInstance().getDeviceNativeOps().setGraphContextIArguments(
                (org.nd4j.nativeblas.OpaqueContext) ctx.contextPointer(), iargMemory, n);
    }

    /** Replaces the real arguments (e.g. a new learning rate). */
    void setTArguments(double... targs) {
        ctx.setTArguments(targs);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Describes an op's arrays and arguments. */
    static final class Builder {
        private final String name;
        private INDArray[] in = new INDArray[0];
        private INDArray[] out = new INDArray[0];
        private long[] i = new long[0];
        private double[] t = new double[0];
        private boolean[] b = new boolean[0];
        private boolean helpers = true;

        private Builder(String name) {
            this.name = name;
        }

        Builder in(INDArray... arrays) {
            in = arrays;
            return this;
        }

        Builder out(INDArray... arrays) {
            out = arrays;
            return this;
        }

        Builder iargs(long... v) {
            i = v;
            return this;
        }

        Builder targs(double... v) {
            t = v;
            return this;
        }

        Builder bargs(boolean... v) {
            b = v;
            return this;
        }

        /**
         * Whether libnd4j may run the op through a platform helper (oneDNN on the CPU), the default; off, it runs
         * libnd4j's own implementation.
         */
        Builder helpers(boolean allowed) {
            helpers = allowed;
            return this;
        }

        NativeOp build() {
            NativeOp op = new NativeOp(name, in, out, i, t, b);
            if (!helpers) op.ctx.allowHelpers(false);
            return op;
        }
    }
}
