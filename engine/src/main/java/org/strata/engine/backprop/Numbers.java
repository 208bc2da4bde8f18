package org.strata.engine.backprop;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How a formula writes its numbers and indices: four significant digits, a true minus sign, subscript indices. */
public final class Numbers {
    private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";

    private Numbers() {
    }

    /** @return e.g. "0.4213", "−1.5", "3.200e−7": four significant digits */
    public static String of(double v) {
        return of(v, 4);
    }

    /** @return {@code v} with {@code digits} significant digits, a true minus sign */
    public static String of(double v, int digits) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        if (v == 0) return "0";
        double a = Math.abs(v);
        String s = a >= 1e-4 && a < 1e6
                ? new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString()
                : String.format(Locale.ROOT, "%." + (digits - 1) + "e", v).replace("e-0", "e-").replace("e+0", "e").replace("e+", "e");
        return s.replace('-', '−');
    }

    /** @return {@link #of} in parentheses when negative, for a product such as "0.5·(−0.2)" */
    public static String factor(double v) {
        String s = of(v);
        return s.startsWith("−") ? "(" + s + ")" : s;
    }

    /** @return 1-based subscript indices: (0, 1) → "₁₂", (9, 0) → "₁₀,₁" (commas once an index has two digits) */
    public static String sub(int... zeroBased) {
        boolean wide = false;
        for (int i : zeroBased) wide |= i + 1 >= 10;
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < zeroBased.length; k++) {
            if (wide && k > 0) b.append(',');
            for (char c : Integer.toString(zeroBased[k] + 1).toCharArray()) b.append(SUBSCRIPTS.charAt(c - '0'));
        }
        return b.toString();
    }

    /** A sum of more terms than this shows its first two, "…" and its last. */
    static final int SHOWN_TERMS = 4;

    /** @return the terms joined by " + ", or the first two, "…" and the last when there are many */
    static String terms(int count, java.util.function.IntFunction<String> term) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (count <= SHOWN_TERMS) {
            for (int i = 0; i < count; i++) parts.add(term.apply(i));
        } else {
            parts.add(term.apply(0));
            parts.add(term.apply(1));
            parts.add("…");
            parts.add(term.apply(count - 1));
        }
        return String.join(" + ", parts);
    }
}
