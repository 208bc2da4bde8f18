package org.strata.engine.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import org.strata.engine.graph.Edge;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.graph.PortRef;
import org.strata.engine.layers.LayerCatalogue;
import org.strata.engine.layers.LayerType;
import org.strata.engine.params.Params;

/**
 * Reads and writes {@code .strata} project files: versioned JSON in one canonical layout (see docs/project-file.md).
 * Reading is strict and every error names the JSON path; writing goes to a temporary file that is then
 * renamed over the target, so a crash never leaves a half-written project.
 */
public final class ProjectFile {
    /** The format this version writes, and the newest it reads. */
    public static final int FORMAT_VERSION = 2;
    /** The largest project file read: a network's description, never its weights or data, is far smaller. */
    public static final long MAX_BYTES = 64L << 20;
    /** The file name extension, with its dot. */
    public static final String EXTENSION = ".strata";

    /** Strict: a duplicate key or anything after the project's object is an error, not silently dropped. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> ROOT_KEYS = Set.of("formatVersion", "name", "description", "graph", "dataset",
            "training");
    private static final Set<String> NODE_KEYS = Set.of("id", "type", "name", "x", "y", "params", "frozen");

    private ProjectFile() {
    }

    /**
     * Loads a project.
     *
     * @throws ProjectFormatException naming the file and JSON path when the content is malformed
     * @throws IOException            when the file cannot be read
     */
    public static Project load(Path file) throws IOException {
        String text;
        PathKind kind = PathKind.of(file);
        if (kind == PathKind.FOLDER) {
            throw new ProjectFormatException(file.getFileName().toString(), new ProjectFormatException("$",
                    "this is a folder, not a project file: open the .strata file inside it"));
        }
        if (kind == PathKind.SPECIAL) { // a pipe would wait forever, a device would never end
            throw new ProjectFormatException(file.getFileName().toString(), new ProjectFormatException("$",
                    "this is not a regular file (a pipe, a device or a socket): open a .strata file saved on disk"));
        }
        if (kind == PathKind.FILE && Files.size(file) > MAX_BYTES) {
            throw new ProjectFormatException(file.getFileName().toString(), new ProjectFormatException("$",
                    "the file holds " + Files.size(file) + " bytes, more than a project file can (" + MAX_BYTES
                    + "): is it a project file?"));
        }
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "project file not found");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ProjectFormatException(file.getFileName().toString(), new ProjectFormatException("$",
                    "not UTF-8 text (is it a project file?): a .strata file is JSON saved as UTF-8"));
        }
        try {
            Project p = parse(text);
            p.setFile(file);
            return p;
        } catch (ProjectFormatException e) {
            throw new ProjectFormatException(file.getFileName().toString(), e);
        }
    }

    /** Parses project JSON. */
    public static Project parse(String text) throws ProjectFormatException {
        JsonNode root;
        if (text.startsWith("\uFEFF")) text = text.substring(1); // a byte-order mark some editors write
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new ProjectFormatException("$", "not valid JSON" + (at == null ? "" : " (line " + at.getLineNr()
                    + ", column " + at.getColumnNr() + ")") + ": " + JsonIn.plain(e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode()) throw new ProjectFormatException("$", "the file is empty");
        JsonIn in = new JsonIn(root, "$").object();
        int version = in.integer("formatVersion");
        if (version > FORMAT_VERSION) {
            throw new ProjectFormatException("$.formatVersion", "this project was written by a newer Strata (format "
                    + version + "); this version reads up to format " + FORMAT_VERSION + ": update Strata to open it");
        }
        if (version < 1) throw new ProjectFormatException("$.formatVersion", "must be 1 or more (was " + version + ")");
        in.onlyKeys(ROOT_KEYS);
        Graph graph = readGraph(in.field("graph"));
        DatasetSpec dataset = in.has("dataset") ? readDataset(in.field("dataset")) : null;
        Params training = in.has("training")
                ? ParamsJson.read(TrainingSettings.TABLE, in.field("training"), Set.of(), "training")
                : TrainingSettings.defaults();
        return new Project(in.string("name", "Untitled"), in.string("description", ""), graph, dataset, training);
    }

    private static Graph readGraph(JsonIn g) throws ProjectFormatException {
        g.onlyKeys(Set.of("nodes", "edges"));
        Graph graph = new Graph();
        for (JsonIn n : g.array("nodes")) {
            n.onlyKeys(NODE_KEYS);
            String id = n.string("id");
            // an id names the layer's arrays in every export (weights.npz's "<id>/W"), where a NUL or line break
            // cannot stand: names (free text) may hold anything
            if (id.isBlank() || id.contains(":") || id.codePoints().anyMatch(c -> Character.isISOControl(c)
                    || Character.getType(c) == Character.SURROGATE)) {
                throw n.field("id").error("must be non-empty and contain no ':', control character (line break, tab, "
                        + "NUL) or broken character (a lone surrogate): use letters, digits and symbols, and write "
                        + "free text in the layer's name");
            }
            if (graph.node(id).isPresent()) throw n.field("id").error("duplicate node id '" + id + "'");
            String typeName = n.string("type");
            LayerType type = LayerCatalogue.find(typeName).orElseThrow(() -> {
                try {
                    return n.field("type").error("unknown layer type '" + typeName + "'; known: " + String.join(", ",
                            LayerCatalogue.all().stream().map(LayerType::id).toList()));
                } catch (ProjectFormatException e) {
                    return e;
                }
            });
            Params params = n.has("params") ? ParamsJson.read(type.params(), n.field("params"), Set.of(), typeName)
                    : type.params().defaults();
            double x = n.has("x") ? n.number("x") : 0;
            double y = n.has("y") ? n.number("y") : 0;
            Node node = new Node(id, type, n.string("name", id), params, x, y);
            node.setFrozen(n.bool("frozen", false)); // format 2; format 1 files have no frozen layers
            graph.add(node);
        }
        for (JsonIn e : g.array("edges")) {
            e.onlyKeys(Set.of("from", "to"));
            try {
                graph.connect(PortRef.parse(e.string("from")), PortRef.parse(e.string("to")));
            } catch (IllegalArgumentException ex) {
                throw e.error(ex.getMessage());
            }
        }
        return graph;
    }

    private static DatasetSpec readDataset(JsonIn d) throws ProjectFormatException {
        String kindName = d.string("kind");
        DatasetKind kind;
        try {
            kind = DatasetKind.of(kindName);
        } catch (IllegalArgumentException ex) {
            throw d.field("kind").error(ex.getMessage());
        }
        return new DatasetSpec(kind, ParamsJson.read(kind.params(), d, Set.of("kind"), "a " + kind.key() + " dataset"));
    }

    /** @return the project as canonical JSON text */
    public static String toJson(Project p) {
        ObjectNode root = JsonOut.object();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("name", p.name());
        root.put("description", p.description());
        ObjectNode graph = root.putObject("graph");
        ArrayNode nodes = graph.putArray("nodes");
        for (Node n : p.graph().nodes()) {
            ObjectNode o = nodes.addObject();
            o.put("id", n.id());
            o.put("type", n.type().id());
            o.put("name", n.name());
            o.set("x", JsonOut.number(n.x()));
            o.set("y", JsonOut.number(n.y()));
            if (n.frozen()) o.put("frozen", true);
            ObjectNode params = JsonOut.object();
            ParamsJson.write(n.params(), params);
            o.set("params", params);
        }
        ArrayNode edges = graph.putArray("edges");
        for (Edge e : p.graph().edges()) {
            ObjectNode o = edges.addObject();
            o.put("from", e.from().toString());
            o.put("to", e.to().toString());
        }
        p.dataset().ifPresent(d -> {
            ObjectNode o = root.putObject("dataset");
            o.put("kind", d.kind().key());
            ParamsJson.write(d.params(), o);
        });
        ParamsJson.write(p.training(), root.putObject("training"));
        return JsonOut.write(root);
    }

    /**
     * Saves atomically: writes {@code file}'s sibling temp file, then renames it over {@code file}, so the old
     * content survives any failure. Records {@code file} as the project's location.
     */
    public static void save(Project p, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        AtomicFiles.write(target, toJson(p).getBytes(StandardCharsets.UTF_8));
        p.setFile(target);
    }
}
