package org.strata.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code strata <command>}: validate, summarise, train, evaluate and export projects from a terminal. */
@Command(name = "strata", mixinStandardHelpOptions = true, version = "Strata " + StrataCli.VERSION,
        description = "Draw a neural network, train it, watch it learn, take the weights elsewhere.",
        subcommands = {ValidateCommand.class, DataCommand.class, SummaryCommand.class, LayersCommand.class, TrainCommand.class, EvaluateCommand.class,
                GenerateCommand.class, ExportCommand.class, ImportWeightsCommand.class, CommandLine.HelpCommand.class})
public final class StrataCli implements Runnable {
    /** The version written into exported files. */
    public static final String VERSION = "0.1.0";

    /**
     * {@code -Dstrata.engine=auto|strata|dl4j} (docs/engines.md): {@code train}'s engine when {@code --engine} is not
     * given. Read once, by {@link #run(String...)}, the entry point both launchers call; never set.
     */
    static final String ENGINE_PROPERTY = "strata.engine";

    /** The value of {@link #ENGINE_PROPERTY} the entry point read, or null: the default of {@code train --engine}. */
    final String engineProperty;

    StrataCli(String engineProperty) {
        this.engineProperty = engineProperty;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the CLI and exits with its status. */
    public static void main(String[] args) {
        // an Error in another thread (a data loader, the training loop) ends in one line too, never a stack trace
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            System.err.println("error: " + userMessage(e));
            System.err.flush();
            if (e instanceof VirtualMachineError) Runtime.getRuntime().halt(1); // the command cannot go on
        });
        System.exit(run(args));
    }

    /**
     * Runs the CLI and returns its exit status (0 success, 1 failure, 2 usage error): the entry point of the
     * {@code strata} launcher and of the installed Strata, the one place that reads {@code -Dstrata.engine}.
     */
    public static int run(String... args) {
        return runWith(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true),
                System.getProperty(ENGINE_PROPERTY), args);
    }

    /** As {@link #run(String...)}, writing to the given streams, with no {@code -Dstrata.engine}. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return runWith(out, err, null, args);
    }

    /**
     * As {@link #run(java.io.PrintWriter, java.io.PrintWriter, String...)}.
     *
     * @param engineProperty the {@code -Dstrata.engine} value the entry point read, or null
     */
    static int runWith(java.io.PrintWriter out, java.io.PrintWriter err, String engineProperty, String[] args) {
        deviceOption(args); // ND4J starts loading below, and the device is fixed when it does
        org.strata.engine.runtime.NativeSetup.warmUp();
        // Everything any command prints goes through one escaper: text from data cannot act on the terminal. The
        // help is plain for it (picocli's colours would be escaped too).
        CommandLine cl = new CommandLine(new StrataCli(engineProperty)).setOut(new TerminalWriter(out))
                .setErr(new TerminalWriter(err))
                .setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            cmd.getErr().println("error: " + userMessage(ex));
            return 1;
        });
        int status = execute(cl, args);
        cl.getOut().flush();
        cl.getErr().flush();
        return status;
    }

    /** Runs a command; out of memory or stack ends it in one line and status 1, as an exception does. */
    static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // picocli hands only Exceptions to the execution exception handler; an Error would end in a stack trace
            cl.getErr().println("error: " + userMessage(e));
            return 1;
        }
    }

    /** What to say about an exception that ended a command: its message, never its class name or stack. */
    static String userMessage(Throwable ex) {
        if (ex instanceof OutOfMemoryError) {
            return "out of memory: the network or its data is too large for the " + (Runtime.getRuntime().maxMemory()
                    >> 20) + " MB Java may use here; make the layers, the batch, the data (samples, length, images) "
                    + "smaller, or start Java with more memory (-Xmx)";
        }
        if (ex instanceof StackOverflowError) {
            return "the input nests too deeply to follow (a file with thousands of nested levels, or a network "
                    + "thousands of layers deep): make it shallower";
        }
        String m = ex.getMessage();
        if (m == null || m.isBlank() || ex instanceof NullPointerException || ex instanceof ClassCastException
                || ex instanceof IndexOutOfBoundsException) {
            return "an unexpected internal error stopped the command; please report it with the file that caused it";
        }
        return m;
    }

    /**
     * Takes {@code --device X} (or {@code --device=X}) from the arguments before ND4J loads; picocli checks the value
     * again with the command's other options and reports a bad one.
     */
    static void deviceOption(String... args) {
        for (int i = 0; i < args.length; i++) {
            String v = args[i].startsWith("--device=") ? args[i].substring("--device=".length())
                    : args[i].equals("--device") && i + 1 < args.length ? args[i + 1] : null;
            if (v == null) continue;
            try {
                var c = org.strata.engine.runtime.ComputeDevice.Choice.parse(v);
                org.strata.engine.runtime.ComputeDevice.request(c);
            } catch (IllegalArgumentException e) {
                return;
            }
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
