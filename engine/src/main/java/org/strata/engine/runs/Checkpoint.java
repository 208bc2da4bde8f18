package org.strata.engine.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.backend.Engine;
import org.strata.engine.backend.NetworkBackend;
import org.strata.engine.model.NpzIO;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.project.AtomicFiles;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.train.Backends;
import org.strata.engine.train.ModelArrays;
import org.strata.engine.train.ModelNetwork;
import org.strata.engine.train.RunProgress;

/**
 * What a run keeps beside its folder as it trains, so that a run killed with the machine (or {@code kill -9}) goes
 * on where it was ({@code strata train FILE --resume DIR}). It lives in {@code .<run>.checkpoint/} next to the run's
 * folder: {@code model-<epoch>.zip} (weights, optimizer state and the project as it trains), {@code best-<epoch>.npz}
 * (the best epoch's weights, when there is a validation split) and {@code checkpoint.json} (where the run stood and
 * its curves so far). {@code checkpoint.json} is written last, to a temporary name and renamed, so it only ever
 * names files written whole; older files go after it.
 *
 * @param model    the network as it was after {@code progress.epochsDone()} epochs
 * @param network  the model's network, built on the engine it trained on (to go on training)
 * @param progress where the run stood
 * @param best     the best epoch's weights, or null
 * @param curves   what the {@link RunRecorder} had recorded (see {@link RunRecorder#resume})
 */
public record Checkpoint(TrainedModel model, NetworkBackend network, RunProgress progress, INDArray best,
                         JsonNode curves) {
    /** The version of {@code checkpoint.json} this Strata writes and reads. */
    public static final int FORMAT_VERSION = 1;
    static final String JSON = "checkpoint.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** @return the checkpoint folder of a run's folder: {@code runs/run-1} → {@code runs/.run-1.checkpoint} */
    public static Path folderFor(Path runDir) {
        Path dir = runDir.toAbsolutePath().normalize();
        return dir.resolveSibling("." + dir.getFileName() + ".checkpoint");
    }

    /** @return whether a run that was to be kept in {@code runDir} left a checkpoint */
    public static boolean exists(Path runDir) {
        return Files.isRegularFile(folderFor(runDir).resolve(JSON));
    }

    /** Removes a run's checkpoint (once the run is kept, or abandoned). */
    public static void delete(Path runDir) throws IOException {
        RunStore.deleteTree(folderFor(runDir));
    }

    /** Writes a checkpoint for the run to be kept in {@code runDir}, replacing the one before as one piece. */
    static void write(Path runDir, TrainedModel model, RunProgress p, Optional<INDArray> best, ObjectNode curves)
            throws IOException {
        Path folder = Files.createDirectories(folderFor(runDir));
        String modelName = "model-" + p.epochsDone() + ".zip";
        String bestName = best.isPresent() ? "best-" + p.epochsDone() + ".npz" : null;
        model.save(folder.resolve(modelName));
        if (bestName != null) {
            NpzIO.write(folder.resolve(bestName), Map.of("weights", ModelArrays.plain(best.get())));
        }
        ObjectNode o = MAPPER.createObjectNode();
        o.put("formatVersion", FORMAT_VERSION);
        o.put("engine", model.optimizer().engine());
        o.put("epochsDone", p.epochsDone());
        o.put("iterations", p.iterations());
        o.put("epochs", p.epochs());
        o.put("bestEpoch", p.bestEpoch());
        if (Double.isFinite(p.bestLoss())) o.put("bestLoss", p.bestLoss());
        o.put("model", modelName);
        if (bestName != null) o.put("best", bestName);
        o.set("curves", curves);
        // who is writing it: a checkpoint of a process still running is a run going on, not an interrupted one
        ProcessHandle self = ProcessHandle.current();
        o.put("pid", self.pid());
        self.info().startInstant().ifPresent(t -> o.put("processStarted", t.toString()));
        AtomicFiles.write(folder.resolve(JSON), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(o));
        Set<String> current = bestName == null ? Set.of(JSON, modelName) : Set.of(JSON, modelName, bestName);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                if (!current.contains(f.getFileName().toString())) RunStore.deleteTree(f);
            }
        }
    }

    /**
     * @return whether the process that wrote a {@code checkpoint.json} still runs (the same id, started at the same
     *     instant: an id the system gave again to another process does not count)
     */
    static boolean writtenByLiveProcess(JsonNode o) {
        if (!o.path("pid").canConvertToLong()) return false;
        return ProcessHandle.of(o.path("pid").asLong()).filter(ProcessHandle::isAlive)
                .flatMap(h -> h.info().startInstant()).map(t -> t.toString().equals(o.path("processStarted").asText()))
                .orElse(false);
    }

    /**
     * Reads the checkpoint of the run that was to be kept in {@code runDir}, its network rebuilt on the engine it
     * trained on (the optimizer's state only means something there).
     *
     * @throws IOException naming the file and what is wrong with it, or saying there is no checkpoint
     */
    public static Checkpoint read(Path runDir) throws IOException {
        Path folder = folderFor(runDir);
        Path json = folder.resolve(JSON);
        if (!Files.isRegularFile(json)) {
            throw new IOException("there is no checkpoint for " + runDir + " (" + folder + " holds none): a run "
                    + "keeps one there as it trains, and removes it once the run is kept");
        }
        JsonNode o;
        try {
            o = MAPPER.readTree(Files.readAllBytes(json));
        } catch (JsonProcessingException e) {
            throw new IOException(json + " is damaged (not JSON); train afresh without --resume");
        }
        int version = o.path("formatVersion").asInt(0);
        if (version < 1 || version > FORMAT_VERSION) {
            throw new IOException(json + ": checkpoint format " + version + " is not one this Strata reads (1 to "
                    + FORMAT_VERSION + ")");
        }
        Engine engine = Engine.byTitle(o.path("engine").asText()).orElseThrow(() -> new IOException(json
                + ": names no engine this Strata has ('" + o.path("engine").asText() + "')"));
        if (!o.isObject()) throw new IOException(json + " is damaged (not a checkpoint); train afresh without --resume");
        // every number checked before any file it names is opened
        RunProgress p = CheckpointFields.progress(json, o);
        CheckpointFields.file(json, o, "model", "model-", ".zip", p.epochsDone());
        String modelName = o.path("model").asText();
        TrainedModel model = TrainedModel.load(folder.resolve(modelName));
        NetworkBackend network = ModelNetwork.of(model, modelName, Backends.Preference.of(engine)).network();
        INDArray best = null;
        if (o.hasNonNull("best")) {
            CheckpointFields.file(json, o, "best", "best-", ".npz", p.epochsDone());
            String bestName = o.path("best").asText();
            var kept = NpzIO.read(folder.resolve(bestName)).get("weights");
            best = kept == null ? null : ModelArrays.nd4j(kept);
            if (best == null || best.length() != network.parameters().length()) {
                throw new IOException(folder.resolve(bestName) + " does not hold the best epoch's weights");
            }
        }
        return new Checkpoint(model, network, p, best, o.path("curves"));
    }

    /**
     * @return what differs between the project as the run began training it and {@code now} (its layers, dataset
     *     or training settings, the things that make a network), or empty when the run can go on with {@code now}
     */
    public Optional<String> changedIn(Project now) {
        return changedPart(now).map(part -> switch (part) {
            case "graph" -> "its layers or their settings";
            case "dataset" -> "its dataset";
            default -> "its training settings";
        });
    }

    /**
     * @return the first part of the project file that differs between the project as the run began training it and
     *     {@code now}: {@code "graph"}, {@code "dataset"} or {@code "training"}; empty when the run can go on
     *     (a window names the part in its own language)
     */
    public Optional<String> changedPart(Project now) {
        JsonNode then = tree(model.project());
        JsonNode current = tree(now);
        for (String part : new String[]{"graph", "dataset", "training"}) {
            if (!then.path(part).equals(current.path(part))) return Optional.of(part);
        }
        return Optional.empty();
    }

    /** The project as JSON without where its nodes are drawn: moving a node on the canvas changes no network. */
    private static JsonNode tree(Project p) {
        try {
            ObjectNode o = (ObjectNode) MAPPER.readTree(ProjectFile.toJson(p));
            for (JsonNode n : o.path("graph").path("nodes")) {
                ((ObjectNode) n).remove(java.util.List.of("x", "y", "name"));
            }
            return o;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Strata's own project JSON did not parse", e);
        }
    }
}
