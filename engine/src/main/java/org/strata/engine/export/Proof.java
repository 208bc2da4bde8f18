package org.strata.engine.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What an export's proof found: an independent runtime ran the exported file on held-out samples and its outputs
 * were compared with the trained model's own.
 *
 * @param format      the export's format ("onnx", "npz"…)
 * @param runtime     the runtime that ran the file ("ONNX Runtime")
 * @param version     the runtime's version
 * @param samples     how many samples were compared
 * @param from        where the samples came from ("test split", "validation split", "generated")
 * @param maxAbsDiff  the largest |export − model| over every output value
 * @param sameClass   samples whose predicted class agrees (equals {@code samples} for regression)
 * @param firstDiffering the layer whose outputs first differ beyond the tolerance, or "" when none does
 */
public record Proof(String format, String runtime, String version, int samples, String from, double maxAbsDiff,
                    int sameClass, String firstDiffering) {
    /** The largest difference a float32 export may show. */
    public static final double TOLERANCE = 1e-4;

    /** @return whether the export computes what the model computes */
    public boolean passed() {
        return maxAbsDiff < TOLERANCE && sameClass == samples && firstDiffering.isEmpty();
    }

    /** @return one line: "proved: 256 samples, max |Δ| 3.1e-7, same class for 256/256 (ONNX Runtime 1.19.2)" */
    public String line() {
        String figures = samples + " samples (" + from + "), max |Δ| " + String.format(Locale.ROOT, "%.1e", maxAbsDiff)
                + ", same class for " + sameClass + "/" + samples + " (" + runtime + " " + version + ")";
        if (passed()) return "proved: " + figures;
        return "NOT proved: " + figures + (firstDiffering.isEmpty() ? "" : "; outputs first differ at layer '"
                + firstDiffering + "'");
    }

    /** Writes {@code proof.json} (temporary file, then rename). */
    public void write(Path file) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode o = m.createObjectNode();
        o.put("format", format);
        o.put("runtime", runtime);
        o.put("runtimeVersion", version);
        o.put("samples", samples);
        o.put("samplesFrom", from);
        o.put("maxAbsDiff", maxAbsDiff);
        o.put("tolerance", TOLERANCE);
        o.put("sameClass", sameClass);
        o.put("passed", passed());
        if (!firstDiffering.isEmpty()) o.put("firstDifferingLayer", firstDiffering);
        org.strata.engine.project.AtomicFiles.write(file, m.writerWithDefaultPrettyPrinter().writeValueAsBytes(o));
    }
}
