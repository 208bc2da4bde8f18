package org.strata.engine.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.strata.engine.Graphs;
import org.strata.engine.Samples;

class ProjectFileTest {
    static List<Path> samples() throws Exception {
        return Samples.all();
    }

    @Test
    void a_format_1_file_still_opens_and_is_saved_as_the_current_format() throws Exception {
        Path v1 = Path.of(getClass().getResource("/fixtures/format-1/mnist-cnn.strata").toURI());
        assertTrue(Files.readString(v1).contains("\"formatVersion\": 1,"));
        Project p = ProjectFile.load(v1);
        assertEquals(9, p.graph().nodes().size());
        assertTrue(p.graph().nodes().stream().noneMatch(org.strata.engine.graph.Node::frozen));
        String json = ProjectFile.toJson(p);
        assertTrue(json.contains("\"formatVersion\": " + ProjectFile.FORMAT_VERSION + ","));
        assertTrue(!json.contains("frozen"), "a layer that is not frozen writes nothing");
    }

    @Test
    void a_frozen_layer_round_trips_and_only_it_carries_the_flag(@TempDir Path dir) throws Exception {
        Project p = ProjectFile.load(Samples.file("mnist-cnn"));
        p.graph().require("conv1").setFrozen(true);
        Path f = dir.resolve("frozen.strata");
        ProjectFile.save(p, f);
        Project back = ProjectFile.load(f);
        assertTrue(back.graph().require("conv1").frozen());
        assertEquals(1, back.graph().nodes().stream().filter(org.strata.engine.graph.Node::frozen).count());
        assertEquals("frozen.strata: $.graph.nodes[0].frozen: expected true or false but found the string \"yes\"",
                assertThrows(ProjectFormatException.class, () -> {
                    Files.writeString(f, Files.readString(f).replace("\"frozen\": true", "\"frozen\": \"yes\""));
                    ProjectFile.load(f);
                }).getMessage().replaceAll("\\[\\d+\\]", "[0]"));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void every_sample_round_trips_to_the_same_bytes(Path file) throws Exception {
        String original = Files.readString(file, StandardCharsets.UTF_8);
        Project p = ProjectFile.load(file);
        assertEquals(original, ProjectFile.toJson(p), "load → save changed " + file.getFileName());
    }

    @Test
    void a_new_project_round_trips_through_save_and_load(@TempDir Path dir) throws Exception {
        Project p = new Project("CNN", "test", Graphs.cnn(), DatasetSpec.of(DatasetKind.GENERATED),
                TrainingSettings.defaults().set("optimizer", "momentum").set("earlyStopping", true));
        p.graph().require("conv1").moveTo(12.5, 40);
        Path f = dir.resolve("cnn.strata");
        ProjectFile.save(p, f);
        String first = Files.readString(f);
        Project back = ProjectFile.load(f);
        assertEquals(first, ProjectFile.toJson(back));
        assertEquals(12.5, back.graph().require("conv1").x());
        assertEquals(0.9, back.training().getDouble("momentum"));
        assertTrue(first.contains("\"kernel\": [3, 3]"), first);
        assertTrue(first.contains("\"to\": \"pool1:in\""), first);
    }

    @Test
    void save_replaces_the_file_and_leaves_no_temp_file(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.strata");
        Files.writeString(f, "old");
        ProjectFile.save(new Project("P", "", Graphs.mlp(), null, TrainingSettings.defaults()), f);
        assertTrue(Files.readString(f).startsWith("{"));
        try (var s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList());
        }
    }

    @Test
    void save_that_cannot_write_keeps_the_old_file(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.strata");
        Files.writeString(f, "precious");
        Path blocked = dir.resolve("blocked");
        Files.createDirectories(blocked.resolve("p.strata").resolve("child")); // a non-empty folder in the way
        assertThrows(java.io.IOException.class, () -> ProjectFile.save(
                new Project("P", "", Graphs.mlp(), null, TrainingSettings.defaults()), blocked.resolve("p.strata")));
        assertEquals("precious", Files.readString(f));
        try (var s = Files.list(blocked)) {
            assertEquals(1, s.count(), "no temp file left behind");
        }
    }

    private static ProjectFormatException bad(String json) {
        return assertThrows(ProjectFormatException.class, () -> ProjectFile.parse(json));
    }

    private static String minimal(String graph) {
        return "{\"formatVersion\": 1, \"name\": \"x\", \"graph\": " + graph + "}";
    }

    @Test
    void invalid_json_names_line_and_column() {
        var e = bad("{\"formatVersion\": 1,\n \"name\": }");
        assertTrue(e.getMessage().startsWith("$: not valid JSON (line 2"), e.getMessage());
    }

    @Test
    void broken_files_are_explained_in_plain_words_naming_the_file() throws Exception {
        Path d = Files.createTempDirectory("strata-broken");
        Path empty = Files.writeString(d.resolve("empty.strata"), "");
        assertEquals("empty.strata: $: the file is empty",
                assertThrows(ProjectFormatException.class, () -> ProjectFile.load(empty)).getMessage());
        Path latin1 = Files.write(d.resolve("latin1.strata"), new byte[]{'{', '"', 'n', (byte) 0xE9, '"', '}'});
        var utf = assertThrows(ProjectFormatException.class, () -> ProjectFile.load(latin1));
        assertTrue(utf.getMessage().startsWith("latin1.strata: $: not UTF-8 text"), utf.getMessage());
        Path folder = Files.createDirectories(d.resolve("folder.strata"));
        var dir = assertThrows(ProjectFormatException.class, () -> ProjectFile.load(folder));
        assertTrue(dir.getMessage().contains("this is a folder, not a project file"), dir.getMessage());
        var nan = bad("{\"formatVersion\": NaN}");
        assertTrue(nan.getMessage().contains("NaN and Infinity are not numbers in JSON"), nan.getMessage());
        assertFalse(nan.getMessage().contains("Feature"), nan.getMessage());
        var deep = bad("[".repeat(5000) + "]".repeat(5000));
        assertTrue(deep.getMessage().startsWith("$: not valid JSON"), deep.getMessage());
        var twice = bad("{\"formatVersion\": 1, \"name\": \"a\", \"name\": \"b\", \"graph\": {}}");
        assertTrue(twice.getMessage().contains("the key appears twice"), twice.getMessage());
        var trailing = bad(minimal("{\"nodes\": [], \"edges\": []}") + " garbage");
        assertTrue(trailing.getMessage().startsWith("$: not valid JSON"), trailing.getMessage());
        // a byte-order mark, as some editors write one, is fine
        Project withBom = ProjectFile.parse("\uFEFF" + Files.readString(org.strata.engine.Samples.file("xor")));
        assertEquals("XOR", withBom.name());
    }

    @Test
    void missing_and_newer_format_versions_are_explained() {
        assertEquals("$.formatVersion: missing", bad("{\"name\": \"x\"}").getMessage());
        var e = bad("{\"formatVersion\": 7, \"graph\": {}}");
        assertTrue(e.getMessage().contains("newer Strata (format 7)"), e.getMessage());
    }

    @Test
    void unknown_keys_are_refused_with_their_path() {
        var e = bad("{\"formatVersion\": 1, \"grpah\": {}}");
        assertTrue(e.getMessage().startsWith("$.grpah: unknown key"), e.getMessage());
    }

    @Test
    void unknown_layer_type_lists_the_known_ones() {
        var e = bad(minimal("{\"nodes\": [{\"id\": \"a\", \"type\": \"Dense3D\"}], \"edges\": []}"));
        assertTrue(e.getMessage().startsWith("$.graph.nodes[0].type: unknown layer type 'Dense3D'"), e.getMessage());
        assertTrue(e.getMessage().contains("Conv2D"));
    }

    @Test
    void a_whole_number_too_large_in_a_tuple_is_refused_not_wrapped_around() {
        var e = bad(minimal("{\"nodes\": [{\"id\": \"c\", \"type\": \"Conv2D\", \"params\": "
                + "{\"kernel\": [4294967299, 3]}}], \"edges\": []}"));
        assertTrue(e.getMessage().startsWith("$.graph.nodes[0].params.kernel"), e.getMessage());
        assertTrue(e.getMessage().contains("expected whole numbers (at most 2147483647) but found"), e.getMessage());
    }

    @Test
    void out_of_range_parameter_names_node_path_and_range() {
        var e = bad(minimal("{\"nodes\": [{\"id\": \"a\", \"type\": \"Dense\", \"params\": {\"units\": 0}}],"
                + " \"edges\": []}"));
        assertEquals("$.graph.nodes[0].params.units: Units must be between 1 and 1000000 (was 0)", e.getMessage());
    }

    @Test
    void misspelt_parameter_lists_the_real_ones() {
        var e = bad(minimal("{\"nodes\": [{\"id\": \"a\", \"type\": \"Conv2D\", \"params\": {\"kernal\": [3, 3]}}],"
                + " \"edges\": []}"));
        assertTrue(e.getMessage().startsWith("$.graph.nodes[0].params.kernal: unknown parameter for Conv2D; known: "
                + "filters, kernel"), e.getMessage());
    }

    @Test
    void wrong_value_types_are_named() {
        var e = bad(minimal("{\"nodes\": [{\"id\": \"a\", \"type\": \"Dense\", \"params\": {\"units\": \"many\"}}],"
                + " \"edges\": []}"));
        assertEquals("$.graph.nodes[0].params.units: expected a whole number but found the string \"many\"",
                e.getMessage());
    }

    @Test
    void duplicate_ids_and_bad_edges_are_refused() {
        var dup = bad(minimal("{\"nodes\": [{\"id\": \"a\", \"type\": \"Dense\"}, {\"id\": \"a\", \"type\": "
                + "\"Dense\"}], \"edges\": []}"));
        assertTrue(dup.getMessage().contains("duplicate node id 'a'"), dup.getMessage());
        var edge = bad(minimal("{\"nodes\": [{\"id\": \"a\", \"type\": \"Dense\"}], \"edges\": [{\"from\": "
                + "\"a:out\", \"to\": \"b:in\"}]}"));
        assertTrue(edge.getMessage().startsWith("$.graph.edges[0]: no node with id 'b'"), edge.getMessage());
    }

    @Test
    void unknown_dataset_kind_is_named() {
        var e = bad("{\"formatVersion\": 1, \"graph\": {\"nodes\": [], \"edges\": []}, \"dataset\": {\"kind\": "
                + "\"parquet\"}}");
        assertTrue(e.getMessage().startsWith("$.dataset.kind: unknown dataset kind 'parquet'"), e.getMessage());
    }

    @Test
    void loading_a_file_prefixes_the_file_name(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("broken.strata");
        Files.writeString(f, "{\"formatVersion\": \"one\"}");
        var e = assertThrows(ProjectFormatException.class, () -> ProjectFile.load(f));
        assertEquals("broken.strata: $.formatVersion: expected a whole number but found the string \"one\"",
                e.getMessage());
    }

    @Test
    void dataset_paths_resolve_against_the_project_folder() throws Exception {
        Project p = ProjectFile.load(Samples.file("iris"));
        assertEquals(Samples.root().resolve("iris").resolve("iris.csv"),
                p.resolve(p.dataset().orElseThrow().params().getString("path")));
    }

    @Test
    void save_as_into_another_folder_keeps_dataset_paths_pointing_at_the_same_files(@TempDir Path dir)
            throws Exception {
        Project p = ProjectFile.load(Samples.file("mnist-cnn"));
        Path before = p.resolve(p.dataset().orElseThrow().params().getString("trainImages"));
        Path elsewhere = dir.resolve("work").resolve("my-cnn.strata");
        p.relocate(elsewhere);
        ProjectFile.save(p, elsewhere);
        Project reopened = ProjectFile.load(elsewhere);
        String relative = reopened.dataset().orElseThrow().params().getString("trainImages");
        assertTrue(!Path.of(relative).isAbsolute(), relative);
        assertEquals(before, reopened.resolve(relative));
    }
}
