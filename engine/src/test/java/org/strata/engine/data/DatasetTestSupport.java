package org.strata.engine.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.strata.engine.Graphs;
import org.strata.engine.params.Params;
import org.strata.engine.project.DatasetKind;
import org.strata.engine.project.DatasetSpec;
import org.strata.engine.project.Project;
import org.strata.engine.project.TrainingSettings;

/** Writes small dataset files for tests. */
final class DatasetTestSupport {
    private DatasetTestSupport() {
    }

    static void writeIdxImages(Path f, int n, int rows, int cols, boolean gzip) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.writeInt(0x803);
        d.writeInt(n);
        d.writeInt(rows);
        d.writeInt(cols);
        for (int i = 0; i < n * rows * cols; i++) d.writeByte(i % 256);
        write(f, b.toByteArray(), gzip);
    }

    static void writeIdxLabels(Path f, int[] labels, boolean gzip) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.writeInt(0x801);
        d.writeInt(labels.length);
        for (int l : labels) d.writeByte(l);
        write(f, b.toByteArray(), gzip);
    }

    static void write(Path f, byte[] bytes, boolean gzip) throws IOException {
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(f)) : Files.newOutputStream(f)) {
            out.write(bytes);
        }
    }

    /** A project in {@code dir} using a dataset of {@code kind} with the given parameters. */
    static Project project(Path dir, DatasetKind kind, Object... kv) {
        Params p = kind.params().defaults();
        for (int i = 0; i < kv.length; i += 2) p.set((String) kv[i], kv[i + 1]);
        Project project = new Project("t", "", Graphs.mlp(), new DatasetSpec(kind, p), TrainingSettings.defaults());
        project.setFile(dir.resolve("t.strata"));
        return project;
    }
}
