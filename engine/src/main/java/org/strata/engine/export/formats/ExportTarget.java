package org.strata.engine.export.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.runs.RunFolder;

/**
 * Where an export may be written: never over the model it exports, a run's files, a project, or a file of another
 * kind; over an earlier export of the same format only when the user asks ({@code --replace}, or the window's save
 * dialog that asked to replace it). An earlier export is known by the proof Strata keeps beside every export
 * ({@link ExportFormat#proofFile}): a file without one was not written by Strata and is never overwritten. The
 * command line and the window both ask here before writing anything.
 */
public final class ExportTarget {
    /** What a PyTorch export writes into its folder: a folder holding any of them is replaced only as an export. */
    private static final Set<String> PYTORCH_FILES = Set.of("model.py", "weights.npz", "README.md", "data.py",
            "train.py", "vocabulary.json", "proof.json");

    private ExportTarget() {
    }

    /**
     * @param source  the model.zip being exported
     * @param out     where the export is to go
     * @param format  the format, or null for a copy of the model.zip itself (the window's "Strata model")
     * @param replace whether an earlier export there may be replaced
     * @param what    names {@code out} in the message ("--out x.onnx")
     * @return why the export may not be written to {@code out}, with what to do instead; null when it may
     */
    public static String refusal(Path source, Path out, ExportFormat format, boolean replace, String what) {
        Path abs = out.toAbsolutePath().normalize();
        String ext = format == null ? ".zip" : extension(format);
        String kind = format == null ? "a Strata model" : "an export to " + format.key();
        if (same(abs, source.toAbsolutePath().normalize())) {
            return what + " is the model being exported: name another file for " + kind;
        }
        Path parent = abs.getParent();
        if (parent != null && isRun(parent) && RunFolder.isRunFile(abs.getFileName().toString())) {
            return what + " is one of the files of the run kept in " + parent + ": " + kind + " never writes over "
                    + "a run; name another file" + (ext.isEmpty() ? "" : " ending " + ext);
        }
        if (Files.isDirectory(abs) && isRun(abs)) {
            return what + " is a run's folder: " + kind + " never writes over a run; name a new folder";
        }
        String name = abs.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(ProjectFile.EXTENSION) && Files.exists(abs)) {
            return what + " is a project file: " + kind + " never writes over a project; name a file ending " + ext;
        }
        if (format == ExportFormat.PYTORCH) return folderRefusal(abs, replace, what);
        if (!Files.exists(abs)) return null;
        if (Files.isDirectory(abs)) {
            return what + " is a folder: " + kind + " is one file; name a file ending " + ext;
        }
        if (!name.endsWith(ext)) {
            return what + " already exists and is not a " + ext + " file: " + kind + " never writes over a file "
                    + "of another kind; name a file ending " + ext;
        }
        if (format == null) {
            if (!isStrataModel(abs)) {
                return what + " is not a model Strata wrote: it is never overwritten; name a new file";
            }
            return replace ? null : what + " holds an earlier Strata model: replace it, or name a new file";
        }
        Path proof = format.proofFile(abs);
        if (!Files.isRegularFile(proof)) {
            return what + " was not written by Strata (no " + proof.getFileName() + " beside it): it is never "
                    + "overwritten; name a new file";
        }
        return replace ? null : what + " holds an earlier " + format.key() + " export (" + proof.getFileName()
                + " beside it): add --replace to replace it, or name a new file";
    }

    /** A PyTorch export is a folder: a new or empty one, one of files it would not touch, or an earlier export. */
    private static String folderRefusal(Path dir, boolean replace, String what) {
        if (!Files.exists(dir)) return null;
        if (!Files.isDirectory(dir)) {
            return what + " is a file: an export to pytorch is a folder; name a new folder";
        }
        List<String> ours;
        try (Stream<Path> files = Files.list(dir)) {
            ours = files.map(p -> p.getFileName().toString()).filter(PYTORCH_FILES::contains).sorted().toList();
        } catch (IOException e) {
            return what + " cannot be read (" + e.getMessage() + "): name another folder";
        }
        if (ours.isEmpty()) return null; // nothing there that the export would write over
        if (!Files.isRegularFile(ExportFormat.PYTORCH.proofFile(dir))) {
            return what + " holds " + String.join(", ", ours) + " that Strata did not write (no proof.json): they "
                    + "are never overwritten; name a new folder";
        }
        return replace ? null : what + " holds an earlier pytorch export (proof.json): add --replace to replace "
                + "it, or name a new folder";
    }

    /** @return the ending a file of {@code format} has ({@code .onnx}, {@code .npz}, {@code .zip}); "" for a folder */
    public static String extension(ExportFormat format) {
        return switch (format) {
            case ONNX -> ".onnx";
            case NPZ -> ".npz";
            case DL4J -> ".zip";
            case PYTORCH -> "";
        };
    }

    /** A Strata model.zip holds its model.json (see {@link org.strata.engine.model.TrainedModel#save}). */
    private static boolean isStrataModel(Path file) {
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            return zip.getEntry("model.json") != null && zip.getEntry("project.strata") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve(RunFolder.MARKER)) || Files.isRegularFile(dir.resolve("run.json"));
    }

    private static boolean same(Path a, Path b) {
        if (a.equals(b)) return true;
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
