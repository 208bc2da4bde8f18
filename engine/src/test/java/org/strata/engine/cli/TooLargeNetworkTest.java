package org.strata.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.Samples;

/**
 * A network too large to build here, declared by a model.zip or a project, is refused in one line before it is
 * built: building it allocates native memory, where running out crashes the process (an hs_err_pid file).
 */
class TooLargeNetworkTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path model;
    static List<Path> crashLogsBefore;

    @BeforeAll
    static void train_iris() throws IOException {
        crashLogsBefore = crashLogs();
        Path run = dir.resolve("iris-run");
        CliTest.Result r = CliTest.cli("train", Samples.file("iris").toString(), "--epochs", "1", "--out",
                run.toString());
        assertEquals(0, r.status(), r.err());
        model = run.resolve("model.zip");
    }

    @AfterAll
    static void no_crash_log_was_left() throws IOException {
        assertEquals(crashLogsBefore, crashLogs());
    }

    private static List<Path> crashLogs() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("").toAbsolutePath())) {
            return s.filter(p -> p.getFileName().toString().startsWith("hs_err_pid")).sorted().toList();
        }
    }

    /** Iris's project made 200,000 wide: an Input of 200,000 numbers into a Dense of 200,000 units. */
    private static String huge(String project) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(project);
        for (var n : root.get("graph").get("nodes")) {
            ObjectNode params = (ObjectNode) n.get("params");
            if (n.get("id").asText().equals("input")) params.put("size", 200_000);
            if (n.get("id").asText().equals("hidden")) params.put("units", 200_000);
        }
        return JSON.writeValueAsString(root);
    }

    @Test
    void a_model_zip_whose_project_declares_a_huge_network_is_refused_by_evaluate_and_export() throws Exception {
        Path edited = dir.resolve("edited-model.zip");
        try (ZipFile in = new ZipFile(model.toFile()); OutputStream o = Files.newOutputStream(edited);
             ZipOutputStream out = new ZipOutputStream(o)) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] bytes;
                try (InputStream s = in.getInputStream(e)) {
                    bytes = s.readAllBytes();
                }
                if (e.getName().equals("project.strata")) {
                    bytes = huge(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        CliTest.Result evaluate = CliTest.cli("evaluate", Samples.file("iris").toString(), "--model",
                edited.toString());
        CliTest.Result export = CliTest.cli("export", edited.toString(), "--format", "npz", "--out",
                dir.resolve("out.npz").toString());
        for (CliTest.Result r : List.of(evaluate, export)) {
            assertEquals(1, r.status(), r.out() + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("edited-model.zip: its network declares 40,000,800,003 weights but its "
                    + "params.npz holds only"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("out.npz")));
    }

    @Test
    void import_weights_into_a_project_whose_network_is_too_large_to_build_is_refused() throws Exception {
        Path weights = dir.resolve("weights.npz");
        assertEquals(0, CliTest.cli("export", model.toString(), "--format", "npz", "--out", weights.toString())
                .status());
        Path project = dir.resolve("huge-iris.strata");
        Files.copy(Samples.root().resolve("iris").resolve("iris.csv"), dir.resolve("iris.csv"));
        Files.writeString(project, huge(Files.readString(Samples.file("iris"))));
        CliTest.Result r = CliTest.cli("import-weights", weights.toString(), "--project", project.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().matches("error: huge-iris.strata: building its network takes at least [0-9.]+ GB "
                + "\\(40,000,800,003 weights\\) but this machine has about .* for it; the largest layer is '.*': "
                + "open it on a machine with more memory, or make that layer smaller and train again\\s*"), r.err());
    }
}
