package org.strata.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Says what the JavaFX and render threads were doing while a pulse was late: every 5 ms it checks the time since
 * the last pulse and, once it passes 30 ms, samples both threads' stacks; at the end it prints the frames seen most.
 * A stall where the JavaFX thread sits waiting is the renderer's or the CPU's; one where it runs names the code.
 */
final class StallSampler implements Runnable {
    private final LongSupplier lastPulse;
    private final Map<String, Integer> seen = new LinkedHashMap<>();
    private volatile boolean running = true;
    private volatile boolean armed;
    private final java.util.List<String> timeline = new java.util.ArrayList<>();
    /** The JVM's start on the {@code System.nanoTime()} clock, so times here match GC logs' uptime. */
    static final long T0 = System.nanoTime()
            - java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
    private final Thread thread;
    private int samples;

    private StallSampler(LongSupplier lastPulse) {
        this.lastPulse = lastPulse;
        thread = new Thread(this, "stall-sampler");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    static StallSampler start(LongSupplier lastPulse) {
        StallSampler s = new StallSampler(lastPulse);
        s.thread.start();
        return s;
    }

    @Override
    public void run() {
        while (running) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
            if (!armed || (System.nanoTime() - lastPulse.getAsLong()) / 1e6 < 30) continue;
            samples++;
            for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                String name = e.getKey().getName();
                if (!name.equals("JavaFX Application Thread") && !name.startsWith("QuantumRenderer")) continue;
                StackTraceElement[] st = e.getValue();
                StringBuilder b = new StringBuilder(name.startsWith("Java") ? "FX " : "RENDER ")
                        .append(e.getKey().getState()).append(' ');
                for (int i = 0; i < Math.min(st.length, 3); i++) {
                    b.append(i == 0 ? "" : " < ").append(frame(st[i]));
                }
                // Our own code on the stack says which of our work it is.
                int ours = 0;
                for (StackTraceElement f : st) {
                    if (f.getClassName().startsWith("org.strata") && ours++ < 3) b.append(" << ").append(frame(f));
                }
                if (ours == 0) {
                    for (StackTraceElement f : st) {
                        String c = f.getClassName();
                        if (c.contains("QuantumToolkit") || c.contains("Scene$ScenePulseListener")
                                || c.contains("AnimationPulse") || c.contains("PaintCollector")) {
                            b.append(" << ").append(frame(f));
                            break;
                        }
                    }
                }
                synchronized (seen) {
                    seen.merge(b.toString(), 1, Integer::sum);
                    timeline.add(String.format(java.util.Locale.ROOT, "%.3f %s", (System.nanoTime() - T0) / 1e9, b));
                }
            }
        }
    }

    private static String frame(StackTraceElement f) {
        return f.getClassName().replaceAll(".*\\.", "") + "." + f.getMethodName();
    }

    /** Starts sampling (before it, stalls are not counted: e.g. while the project opens). */
    void arm() {
        armed = true;
    }

    void stopAndPrint() {
        running = false;
        System.out.printf("  stall samples (each 5 ms of a pulse later than 30 ms): %d%n", samples);
        synchronized (seen) {
            if (Boolean.getBoolean("bench.timeline")) timeline.forEach(t -> System.out.println("    @" + t));
            seen.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(40)
                    .forEach(e -> System.out.printf("  %4d  %s%n", e.getValue(), e.getKey()));
        }
    }
}
