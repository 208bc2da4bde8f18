package org.strata.engine.data;

import java.util.Locale;
import org.strata.engine.text.Message;

/**
 * Checks, before a dataset's arrays are allocated, that they fit: in one Java array where they are held in one, and
 * in the memory Java may take. Sizes are multiplied in {@code long}, so a text set of 214,748 texts × 10,000 tokens
 * is refused naming those numbers instead of overflowing to a negative size, and a generated set of 10⁹ values is
 * refused in a sentence instead of running out of memory after a minute.
 */
final class DataBudget {
    /** The most elements one Java array holds. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** Set by tests: the bytes data may take, instead of what Java may take. */
    static long testBytes = -1;

    private DataBudget() {
    }

    /**
     * @param dataset       the dataset, as the project names it (a file, or the generator)
     * @param sizes         how the count comes about, e.g. "214,748 texts × 10,000 tokens"
     * @param values        the numbers held, computed in long
     * @param bytesPerValue what each takes, including its share of the arrays around it
     * @param oneArray      whether they are held in one array (which holds at most {@link #MAX_ARRAY})
     * @throws DatasetException when they would not fit, naming the numbers and what to change
     */
    static void check(String dataset, String sizes, long values, double bytesPerValue, boolean oneArray)
            throws DatasetException {
        // the arrays read, then the splits and the normalised copies made of them: about twice
        long most = (long) Math.min(Long.MAX_VALUE / 4.0, available() / (2 * bytesPerValue));
        if (oneArray) most = Math.min(most, MAX_ARRAY);
        if (values >= 0 && values <= most) return;
        String n = number(values);
        throw new DatasetException(Message.of("data.tooLarge", dataset + ": " + sizes + " = " + n + " numbers, more "
                + "than fit in memory here (at most about " + number(most) + "): make the data smaller (fewer "
                + "samples or texts, a shorter length, smaller images), or give Java more memory (-Xmx)", dataset,
                sizes + " = " + n, number(most)));
    }

    /** @return {@code a × b}, or {@link Long#MAX_VALUE} when that overflows a long */
    static long times(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** @return a count as a person reads it: 2,147,480,000 */
    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static long available() {
        if (testBytes >= 0) return testBytes;
        // all of Java's memory, not what is free now: garbage not yet collected would otherwise refuse small sets
        return Runtime.getRuntime().maxMemory();
    }
}
