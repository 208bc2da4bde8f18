package org.strata.engine.train;

import java.util.List;
import java.util.Optional;
import org.strata.engine.backend.Engine;
import org.strata.engine.runtime.NativeSetup;
import org.strata.engine.text.Message;

/** What a run says about itself: which engine trains which project, on what, with how many threads. */
final class RunMessages {
    private RunMessages() {
    }

    /**
     * @param why      why Deeplearning4j trains the graph, or empty (on the fast engine, or no reason known)
     * @param threads  native threads in use; 0 while they are being measured
     * @return e.g. "Strata's fast engine, oneDNN AVX-512 build, 2 threads", or "… on NVIDIA H200 (CUDA)"
     */
    static Message engine(Engine engine, Optional<Message> why, boolean onGpu, int threads) {
        Message name = engine == Engine.STRATA
                ? Message.of("engine.fast", "Strata's fast engine")
                : why.map(r -> Message.of("engine.dl4j.because", engine.title() + " (" + r + ")", r))
                .orElse(Message.of("engine.dl4j", engine.title()));
        if (onGpu) {
            String device = NativeSetup.activeDevice();
            return Message.of("engine.gpu", name + " on " + device, name, device);
        }
        String build = NativeSetup.buildName();
        if (threads == 0) {
            return Message.of("engine.cpu.measuring", name + ", " + build + " build, measuring the fastest "
                    + "thread count", name, build);
        }
        return Message.of("engine.cpu", name + ", " + build + " build, " + threads + " thread"
                + (threads == 1 ? "" : "s"), name, build, threads);
    }

    /** @return "Training MNIST MLP with Strata's fast engine, oneDNN AVX-512 build, 1 thread" */
    static Message started(String project, Message engine) {
        return Message.of("run.started", "Training " + project + " with " + engine, project, engine);
    }

    /**
     * The run's message once the thread count is measured: which engine trains which project, as at the start, now
     * with the count and what it was measured against ("the fastest of 1, 2 threads on this network").
     */
    static Message threads(Message started, List<Integer> measured, boolean first) {
        if (measured.size() == 1) return started;
        String counts = measured.toString().replaceAll("[\\[\\]]", "");
        return Message.of(first ? "threads.chosen" : "threads.changed", started + " (" + (first ? "" : "now ")
                + "the fastest of " + counts + " threads on this network)", started.args().get(0),
                started.args().get(1), counts);
    }
}
