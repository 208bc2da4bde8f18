package org.strata.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.Pointer;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.runtime.ComputeDevice;
import org.strata.engine.train.TrainingEvent;
import org.strata.engine.train.TrainingListener;
import org.strata.engine.train.TrainingSession;

/**
 * Trains the seed MLP and CNN, and a network per layer family ({@link #NETWORKS}), on the bundled MNIST and prints samples/s with telemetry off and on (runs
 * alternated, medians of warm epochs), heap and native memory, and time to first iteration.
 *
 * <p>Usage: {@code bench/run [--runs N] [--epochs-mlp N] [--epochs-cnn N] [--epochs-family N] [--only NET,…]
 * [--device auto|cpu|cuda] [--snapshot-every N] [--json]}. With {@code --json} it prints
 * one JSON object per network, for {@code bench/compare.py}.
 */
public final class TrainingBenchmark {
    /**
     * Telemetry as the window uses it (TrainingRun): every iteration's event offered to a queue drained every
     * 500 ms, and per-layer statistics every 500 ms.
     */
    private static final long WINDOW_SNAPSHOT_MILLIS = 500;
    private static final long DRAIN_MILLIS = 500;
    private static final int INBOX_MAX = 20_000;
    /** --snapshot-every N: statistics every N iterations instead (a stress test: far more often than a window). */
    private static int snapshotEvery;

    /**
     * The seed MLP and CNN (the bundled samples), then one network per layer family (bench/networks): MNIST's rows
     * read as 28 steps of 28 pixels.
     */
    static final List<String> NETWORKS = List.of("mnist-mlp", "mnist-cnn", "mnist-lstm", "mnist-gru",
            "mnist-transformer", "mnist-conv1d", "small-gpt");

    private TrainingBenchmark() {
    }

    record Run(double samplesPerSecond, double firstIterationSeconds, int threads, long firstIterationAtMillis) {
    }

    public static void main(String[] args) throws Exception {
        snapshotEvery = intArg(args, "--snapshot-every", 0);
        String device = stringArg(args, "--device", null); // auto, cpu or cuda: fixed before ND4J loads
        if (device != null) ComputeDevice.request(ComputeDevice.Choice.parse(device));
        org.strata.engine.runtime.NativeSetup.warmUp();
        java.util.Optional<String> refused = ComputeDevice.refusal(ComputeDevice.requested());
        if (refused.isPresent()) {
            System.err.println("--device " + device + ": " + refused.get());
            System.exit(1);
        }
        int runs = intArg(args, "--runs", 3);
        int mlpEpochs = intArg(args, "--epochs-mlp", 3);
        int cnnEpochs = intArg(args, "--epochs-cnn", 2);
        boolean json = List.of(args).contains("--json");
        Path samples = Path.of(System.getProperty("strata.samples", "sample-projects"));
        double jvmToFirst = Double.NaN;
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        int familyEpochs = intArg(args, "--epochs-family", 2);
        Path families = Path.of(System.getProperty("strata.benchNetworks", "bench/networks"));
        String only = stringArg(args, "--only", null);
        for (String net : NETWORKS) {
            if (only != null && !List.of(only.split(",")).contains(net)) continue;
            boolean seed = net.equals("mnist-mlp") || net.equals("mnist-cnn");
            Path file = seed ? samples.resolve(net).resolve(net + ".strata") : families.resolve(net + ".strata");
            int epochs = net.equals("mnist-mlp") ? mlpEpochs : net.equals("mnist-cnn") ? cnnEpochs : familyEpochs;
            List<Double> off = new ArrayList<>();
            List<Double> on = new ArrayList<>();
            List<Double> first = new ArrayList<>();
            List<Integer> threads = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                for (boolean telemetry : new boolean[]{r % 2 == 1, r % 2 == 0}) { // alternate which goes first
                    Run result = run(file, epochs, telemetry);
                    (telemetry ? on : off).add(result.samplesPerSecond());
                    first.add(result.firstIterationSeconds());
                    threads.add(result.threads());
                    if (Double.isNaN(jvmToFirst)) {
                        jvmToFirst = (result.firstIterationAtMillis() - jvmStart) / 1000.0;
                    }
                }
            }
            Runtime rt = Runtime.getRuntime();
            System.gc();
            double heapMb = (rt.totalMemory() - rt.freeMemory()) / 1e6;
            double nativeMb = Pointer.physicalBytes() / 1e6;
            double medOff = median(off);
            double medOn = median(on);
            if (json) {
                System.out.printf(Locale.ROOT, "{\"net\": \"%s\", \"engine\": \"strata\", \"samplesPerSecond\": %.1f,"
                                + " \"samplesPerSecondTelemetry\": %.1f, \"runsOff\": %s, \"runsOn\": %s,"
                                + " \"heapMb\": %.1f, \"processMb\": %.1f, \"firstIterationSeconds\": %.3f,"
                                + " \"device\": \"%s\", \"threads\": %s}%n",
                        net, medOff, medOn, off, on, heapMb, nativeMb, median(first),
                        org.strata.engine.runtime.NativeSetup.activeDevice(), threads);
            } else {
                System.out.printf(Locale.ROOT, "%-10s samples/s telemetry off %,9.0f  on %,9.0f  overhead %+5.1f%%"
                                + "  (runs off %s, on %s)%n", net, medOff, medOn, 100 * (medOff - medOn) / medOff,
                        fmt(off), fmt(on));
                System.out.printf(Locale.ROOT, "%-10s heap used %.0f MB, process resident %.0f MB, first iteration "
                        + "%.2f s after run() (median)%n", "", heapMb, nativeMb, median(first));
                System.out.printf(Locale.ROOT, "%-10s runs more than 25 %% below their median: %d of %d off, %d of %d on%n",
                        "", slow(off), off.size(), slow(on), on.size());
                System.out.printf(Locale.ROOT, "%-10s native threads chosen per run: %s%n", "", threads);
            }
        }
        if (!json) {
            System.out.printf(Locale.ROOT, "device: %s%n", org.strata.engine.runtime.NativeSetup.activeDevice());
            System.out.printf(Locale.ROOT, "time from JVM start to the first training iteration: %.2f s%n", jvmToFirst);
        }
    }

    /** One training run; returns the median samples/s of its warm epochs (all but the first, if more than one). */
    static Run run(Path file, int epochs, boolean telemetry) throws Exception {
        Project p = ProjectFile.load(file);
        TrainingSession s = TrainingSession.create(p);
        s.setEpochs(epochs);
        List<Double> perEpoch = new ArrayList<>();
        long[] firstAt = {0};
        s.addListener(new TrainingListener() {
            @Override
            public void onEpoch(TrainingEvent.Epoch e) {
                perEpoch.add(e.samplesPerSecond());
            }

            @Override
            public void onIteration(TrainingEvent.Iteration e) {
                if (firstAt[0] == 0) firstAt[0] = System.currentTimeMillis(); // the first step has just ended
            }
        });
        java.util.concurrent.ScheduledExecutorService window = null;
        if (telemetry) {
            // As the window does (TrainingRun): the training thread only offers to an unbounded lock-free queue
            // (events beyond 20,000 waiting are dropped), another thread drains it every 500 ms and asks for
            // per-layer statistics every 500 ms; nobody is woken per event.
            java.util.concurrent.ConcurrentLinkedQueue<Object> inbox = new java.util.concurrent.ConcurrentLinkedQueue<>();
            java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();
            s.addListener(new TrainingListener() {
                @Override
                public void onIteration(TrainingEvent.Iteration e) {
                    if (waiting.get() < INBOX_MAX) {
                        inbox.offer(e);
                        waiting.incrementAndGet();
                    }
                }

                @Override
                public void onSnapshot(TrainingEvent.Snapshot snap) {
                    inbox.offer(snap);
                    waiting.incrementAndGet();
                }
            });
            window = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "window-stand-in");
                t.setDaemon(true);
                return t;
            });
            window.scheduleAtFixedRate(() -> {
                while (inbox.poll() != null) waiting.decrementAndGet();
            }, DRAIN_MILLIS, DRAIN_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (snapshotEvery > 0) {
                s.setSnapshotEvery(snapshotEvery);
            } else {
                window.scheduleAtFixedRate(s::requestSnapshot, WINDOW_SNAPSHOT_MILLIS, WINDOW_SNAPSHOT_MILLIS,
                        java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }
        s.run();
        if (window != null) window.shutdownNow();
        List<Double> warm = perEpoch.size() > 1 ? perEpoch.subList(1, perEpoch.size()) : perEpoch;
        return new Run(median(warm), s.firstIterationSeconds(), s.threads(), firstAt[0]);
    }

    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(Double::compare);
        int n = s.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** Stability: the bar is no run more than 25 % below the median. */
    static long slow(List<Double> v) {
        double m = median(v);
        return v.stream().filter(x -> x < 0.75 * m).count();
    }

    private static String fmt(List<Double> v) {
        return v.stream().map(d -> String.format(Locale.ROOT, "%.0f", d)).toList().toString();
    }

    private static String stringArg(String[] args, String name, String def) {
        for (int i = 0; i < args.length - 1; i++) if (args[i].equals(name)) return args[i + 1];
        return def;
    }

    private static int intArg(String[] args, String name, int def) {
        for (int i = 0; i < args.length - 1; i++) if (args[i].equals(name)) return Integer.parseInt(args[i + 1]);
        return def;
    }
}
