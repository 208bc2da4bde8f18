package org.strata.engine.model;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that refuses to give more than a limit: an entry of an untrusted zip that inflates far beyond what it
 * should hold stops being read there, before it fills memory or a disk.
 */
final class BoundedInput extends FilterInputStream {
    private final long limit;
    private final String what;
    private long read;

    /** @param what names the entry and why the limit holds, for the message ("params.npz (for 42 weights)") */
    BoundedInput(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) count(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) count(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        count(s);
        return s;
    }

    private void count(long n) throws IOException {
        read += n;
        if (read > limit) throw new IOException(what + " holds more than the " + limit + " bytes it may: it is "
                + "damaged or not a Strata model file");
    }
}
