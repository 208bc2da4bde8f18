package org.strata.engine.train.dl4j;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Keeps Deeplearning4j's SameDiff from writing to standard output. ND4J 1.0.0-M2.1's
 * {@code SameDiff.createGradFunction} prints one line "Added differentiated op NAME" per operation, with
 * {@code System.out.println} and no flag to turn it off, the first time a SameDiff layer (attention, layer norm,
 * recurrent layers...) is trained: hundreds of lines in the command line's output, the window's console and the
 * test log. {@link #quiet()} puts a standard output in place that drops exactly those lines and passes everything
 * else, byte for byte, to the stream it replaced.
 */
final class SameDiffChatter extends PrintStream {
    /** How SameDiff starts each of these lines. */
    static final String PREFIX = "Added differentiated op ";

    private final PrintStream out;

    private SameDiffChatter(PrintStream out) {
        super(out, false);
        this.out = out;
    }

    /** Filters standard output, once: a standard output that already drops SameDiff's lines is left as it is. */
    static synchronized void quiet() {
        if (!(System.out instanceof SameDiffChatter)) System.setOut(filtering(System.out));
    }

    /** @return a stream that writes to {@code out} everything but SameDiff's "Added differentiated op" lines */
    static PrintStream filtering(PrintStream out) {
        return new SameDiffChatter(out);
    }

    @Override
    public void println(String x) {
        if (x != null && x.startsWith(PREFIX)) return;
        out.println(x);
    }

    // Everything else goes to the replaced stream as it is, in its own character encoding.

    @Override
    public void write(int b) {
        out.write(b);
    }

    @Override
    public void write(byte[] buf, int off, int len) {
        out.write(buf, off, len);
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        out.close();
    }

    @Override
    public boolean checkError() {
        return out.checkError();
    }

    @Override
    public void print(boolean b) {
        out.print(b);
    }

    @Override
    public void print(char c) {
        out.print(c);
    }

    @Override
    public void print(int i) {
        out.print(i);
    }

    @Override
    public void print(long l) {
        out.print(l);
    }

    @Override
    public void print(float f) {
        out.print(f);
    }

    @Override
    public void print(double d) {
        out.print(d);
    }

    @Override
    public void print(char[] s) {
        out.print(s);
    }

    @Override
    public void print(String s) {
        out.print(s);
    }

    @Override
    public void print(Object obj) {
        out.print(obj);
    }

    @Override
    public void println() {
        out.println();
    }

    @Override
    public void println(boolean x) {
        out.println(x);
    }

    @Override
    public void println(char x) {
        out.println(x);
    }

    @Override
    public void println(int x) {
        out.println(x);
    }

    @Override
    public void println(long x) {
        out.println(x);
    }

    @Override
    public void println(float x) {
        out.println(x);
    }

    @Override
    public void println(double x) {
        out.println(x);
    }

    @Override
    public void println(char[] x) {
        out.println(x);
    }

    @Override
    public void println(Object x) {
        out.println(x);
    }

    @Override
    public PrintStream printf(String format, Object... args) {
        out.printf(format, args);
        return this;
    }

    @Override
    public PrintStream printf(Locale l, String format, Object... args) {
        out.printf(l, format, args);
        return this;
    }

    @Override
    public PrintStream format(String format, Object... args) {
        out.format(format, args);
        return this;
    }

    @Override
    public PrintStream format(Locale l, String format, Object... args) {
        out.format(l, format, args);
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq) {
        out.append(csq);
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq, int start, int end) {
        out.append(csq, start, end);
        return this;
    }

    @Override
    public PrintStream append(char c) {
        out.append(c);
        return this;
    }
}
