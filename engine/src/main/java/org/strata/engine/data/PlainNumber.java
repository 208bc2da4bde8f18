package org.strata.engine.data;

import java.util.regex.Pattern;

/**
 * Reads a number as a data file writes it: a plain decimal ({@code -1.5}, {@code .5}, {@code 2e-3}), never one of
 * Java's literals that {@link Float#parseFloat} also takes ({@code 1.5f}, {@code 2d}, {@code 0x1p-2}), so that a
 * typo never becomes a number silently. {@code NaN} and infinities ({@code inf}, {@code -inf}, {@code Infinity}) are
 * read only where the caller allows them. Data files, Try it's typed rows and the inspector's number boxes all read
 * numbers through it.
 */
public final class PlainNumber {
    /** Optional sign, digits with an optional fraction (or a fraction alone), an optional exponent. ASCII only. */
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(?:nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private PlainNumber() {
    }

    /**
     * @param s         the text, already trimmed as the caller trims cells
     * @param notFinite whether {@code NaN} and infinities are numbers here
     * @return the value, rounded to a float
     * @throws NumberFormatException when {@code s} is not a plain decimal (nor an allowed NaN or infinity), or is
     *                               too large for a float while infinities are not allowed
     */
    public static float parseFloat(String s, boolean notFinite) {
        Double notANumber = notPlain(s, notFinite);
        if (notANumber != null) return notANumber.floatValue();
        float v = Float.parseFloat(s); // read as a float at once: a double rounded to float may round twice
        if (Float.isInfinite(v) && !notFinite) throw new NumberFormatException("out of range: " + s);
        return v;
    }

    /**
     * As {@link #parseFloat}, at double precision (a setting's value).
     *
     * @throws NumberFormatException when {@code s} is not a plain decimal (nor an allowed NaN or infinity)
     */
    public static double parseDouble(String s, boolean notFinite) {
        Double notANumber = notPlain(s, notFinite);
        if (notANumber != null) return notANumber;
        double v = Double.parseDouble(s);
        if (Double.isInfinite(v) && !notFinite) throw new NumberFormatException("out of range: " + s);
        return v;
    }

    /** @return null for a plain decimal, the value of an allowed NaN or infinity; else refused */
    private static Double notPlain(String s, boolean notFinite) {
        if (DECIMAL.matcher(s).matches()) return null;
        if (notFinite && NOT_FINITE.matcher(s).matches()) {
            String t = s.toLowerCase(java.util.Locale.ROOT);
            if (t.endsWith("nan")) return Double.NaN;
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        throw new NumberFormatException("not a plain decimal: " + s);
    }
}
