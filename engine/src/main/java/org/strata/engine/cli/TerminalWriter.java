package org.strata.engine.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import org.strata.engine.text.TerminalText;

/**
 * The one way the command line writes to the terminal: every character that would act on the terminal rather than
 * show (an {@code ESC} in a class name retitling the window, a U+202E in a token reversing the line) is written in
 * its visible form ({@code \x1b}, {@code \}{@code u202e}; see {@link TerminalText}), whatever command printed it
 * and however it formatted it. Line breaks and tabs pass, and so does a line separator's {@code \r\n}; the only
 * other control that reaches the terminal is the progress bar's own return to the line's start
 * ({@link #returnToLineStart}).
 */
final class TerminalWriter extends PrintWriter {
    private final Writer target;

    /** @param target where the clean text goes (standard output or error, or a test's buffer) */
    TerminalWriter(Writer target) {
        super(new Escaping(target), true);
        this.target = target;
    }

    /** Moves the cursor back to the start of the line, for a progress bar that redraws itself. */
    void returnToLineStart() {
        flush();
        try {
            target.write('\r');
            target.flush();
        } catch (IOException e) {
            setError();
        }
    }

    /** Moves to the line's start on a {@link TerminalWriter}; on another writer, writes a carriage return. */
    static void returnToLineStart(PrintWriter w) {
        if (w instanceof TerminalWriter t) {
            t.returnToLineStart();
        } else {
            w.print('\r');
        }
    }

    /** Writes everything through, each character that acts in its visible form. */
    private static final class Escaping extends FilterWriter {
        /** A {@code \r} written last: the start of a line separator if a {@code \n} follows, else data's. */
        private boolean carriageReturn;

        Escaping(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            write(new char[]{(char) c}, 0, 1);
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            write(s.toCharArray(), off, len);
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            StringBuilder b = new StringBuilder(len + 8);
            for (int i = off; i < off + len; i++) {
                char c = buf[i];
                if (carriageReturn) {
                    carriageReturn = false;
                    if (c == '\n') {
                        b.append("\r\n");
                        continue;
                    }
                    TerminalText.append(b, '\r');
                }
                if (c == '\r') {
                    carriageReturn = true;
                } else if (c == '\n' || c == '\t' || !TerminalText.acts(c)) {
                    b.append(c);
                } else {
                    TerminalText.append(b, c);
                }
            }
            out.write(b.toString());
        }

        @Override
        public void close() throws IOException {
            if (carriageReturn) out.write("\\r");
            carriageReturn = false;
            super.close();
        }
    }
}
