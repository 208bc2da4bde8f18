package org.strata.engine.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.strata.engine.export.Proof;
import org.strata.engine.project.AtomicFiles;

/**
 * What was proved about a run's weights, kept in its folder as {@code proofs.json}, newest last: each export's proof
 * and, for weights trained elsewhere, how Strata's evaluation compared with the other tool's. The Runs table shows
 * the newest beside the run.
 */
public final class RunProofs {
    private static final String FILE = "proofs.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunProofs() {
    }

    /**
     * One proof.
     *
     * @param kind           the export's format ("onnx", "pytorch", "npz", "dl4j"), or "import" for weights trained
     *                       elsewhere
     * @param tool           what checked it ("ONNX Runtime 1.19.2"; for an import, the tool that trained them)
     * @param count          samples compared (export), or splits compared (import; 0: nothing to compare with)
     * @param agreeing       samples of the same class (export), or splits that agree (import)
     * @param maxAbsDiff     the largest difference found
     * @param firstDiffering the layer whose outputs first differ, or ""
     * @param passed         whether it proved the weights compute what the run's model computes
     * @param file           the exported file, or the imported weights
     */
    public record Entry(String kind, String tool, int count, int agreeing, double maxAbsDiff, String firstDiffering,
                        boolean passed, String file) {
        /** @return the entry of an export's proof */
        public static Entry of(Proof p, Path file) {
            return new Entry(p.format(), (p.runtime() + " " + p.version()).trim(), p.samples(), p.sameClass(),
                    p.maxAbsDiff(), p.firstDiffering(), p.passed(), file.toAbsolutePath().toString());
        }

        /** @return whether this is an import's check rather than an export's proof */
        public boolean isImport() {
            return kind.equals("import");
        }

        /** @return one line in English, as the command line prints it */
        public String line() {
            String d = String.format(Locale.ROOT, "%.1e", maxAbsDiff);
            if (isImport()) {
                return count == 0 ? "trained in " + tool + "; not checked (no metrics.json beside the weights)"
                        : "trained in " + tool + "; Strata's evaluation agrees on " + count + " split"
                        + (count == 1 ? "" : "s") + ": max |Δ| " + d;
            }
            return kind + " export " + (passed ? "proved" : "NOT proved") + " by " + tool + ": " + agreeing + "/"
                    + count + " same class, max |Δ| " + d
                    + (firstDiffering.isEmpty() ? "" : ", first differs at '" + firstDiffering + "'");
        }
    }

    /** Adds an entry to the run in {@code runDir} (written to a temporary file, then renamed). */
    public static synchronized void add(Path runDir, Entry e) throws IOException {
        ArrayNode all = MAPPER.createArrayNode();
        read(runDir).forEach(old -> all.add(json(old)));
        all.add(json(e));
        AtomicFiles.write(runDir.resolve(FILE), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
    }

    /**
     * Adds an export's proof to the run whose model it was, if {@code modelFile} is a run's {@code model.zip}; a
     * run folder that cannot be written loses the entry, never the export.
     */
    public static void addIfRun(Path modelFile, Proof p, Path exported) {
        Path dir = modelFile.toAbsolutePath().getParent();
        if (dir == null || !Files.isRegularFile(dir.resolve("run.json"))) return;
        try {
            add(dir, Entry.of(p, exported));
        } catch (IOException e) {
            // the proof is in the export's own proof.json still
        }
    }

    /** @return the run's proofs, oldest first; none when it has none or its file cannot be read */
    public static List<Entry> read(Path runDir) {
        Path f = runDir.resolve(FILE);
        List<Entry> out = new ArrayList<>();
        if (!Files.isRegularFile(f)) return out;
        try {
            for (JsonNode n : MAPPER.readTree(f.toFile())) {
                out.add(new Entry(n.path("kind").asText(), n.path("tool").asText(), n.path("count").asInt(),
                        n.path("agreeing").asInt(), n.path("maxAbsDiff").asDouble(),
                        n.path("firstDiffering").asText(""), n.path("passed").asBoolean(), n.path("file").asText()));
            }
        } catch (IOException | RuntimeException e) {
            // a damaged proofs.json loses the proofs, never the run
        }
        return out;
    }

    private static ObjectNode json(Entry e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("kind", e.kind());
        o.put("tool", e.tool());
        o.put("count", e.count());
        o.put("agreeing", e.agreeing());
        o.put("maxAbsDiff", e.maxAbsDiff());
        if (!e.firstDiffering().isEmpty()) o.put("firstDiffering", e.firstDiffering());
        o.put("passed", e.passed());
        o.put("file", e.file());
        return o;
    }
}
