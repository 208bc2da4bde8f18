package org.strata.engine.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.strata.engine.project.AtomicFiles;

/**
 * What was proved about a run's weights, kept in its folder as {@code proofs.json}, newest last: each export's proof
 * ("ONNX: proved: 256 samples…") and, for weights trained elsewhere, how Strata's evaluation compared with the
 * other tool's. The Runs table shows the newest beside the run.
 */
public final class RunProofs {
    private static final String FILE = "proofs.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunProofs() {
    }

    /** Adds a line to the run in {@code runDir} (written to a temporary file, then renamed). */
    public static synchronized void add(Path runDir, String line) throws IOException {
        ArrayNode all = MAPPER.createArrayNode();
        read(runDir).forEach(all::add);
        all.add(line);
        AtomicFiles.write(runDir.resolve(FILE), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
    }

    /** @return the run's proof lines, oldest first; none when it has none or the file cannot be read */
    public static List<String> read(Path runDir) {
        Path f = runDir.resolve(FILE);
        List<String> out = new ArrayList<>();
        if (!Files.isRegularFile(f)) return out;
        try {
            MAPPER.readTree(Files.readString(f, StandardCharsets.UTF_8)).forEach(n -> out.add(n.asText()));
        } catch (IOException | RuntimeException e) {
            // a damaged proofs.json loses the lines, never the run
        }
        return out;
    }
}
