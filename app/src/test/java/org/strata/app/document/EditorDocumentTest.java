package org.strata.app.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.graph.Edge;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.graph.PortRef;
import org.strata.engine.layers.LayerCatalogue;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.project.TrainingSettings;

class EditorDocumentTest {
    private final EditorDocument doc = new EditorDocument(new Project("t", "", new Graph(), null,
            TrainingSettings.defaults()));

    private Node add(String type) {
        Node n = Node.of(doc.graph().freshId(type), LayerCatalogue.get(type));
        doc.execute(Edits.addNodes(doc.graph(), List.of(n), List.of(), "Add " + type));
        return n;
    }

    private static Edge edge(Node a, Node b, String port) {
        return new Edge(new PortRef(a.id(), "out"), new PortRef(b.id(), port));
    }

    @Test
    void undo_removes_an_added_node_and_redo_brings_it_back() {
        Node n = add("Dense");
        doc.undo();
        assertThat(doc.graph().node(n.id())).isEmpty();
        doc.redo();
        assertThat(doc.graph().node(n.id())).isPresent();
    }

    @Test
    void undo_restores_deleted_node_with_its_edges() {
        Node in = add("Input");
        Node dense = add("Dense");
        Node out = add("Output");
        doc.execute(Edits.connect(doc.graph(), edge(in, dense, "in")));
        doc.execute(Edits.connect(doc.graph(), edge(dense, out, "in")));
        doc.execute(Edits.remove(doc.graph(), List.of(dense.id()), List.of()));
        assertThat(doc.graph().edges()).isEmpty();
        doc.undo();
        assertThat(doc.graph().edges()).containsExactlyInAnyOrder(edge(in, dense, "in"), edge(dense, out, "in"));
    }

    @Test
    void undo_restores_deleted_edge() {
        Node in = add("Input");
        Node out = add("Output");
        Edge e = edge(in, out, "in");
        doc.execute(Edits.connect(doc.graph(), e));
        doc.execute(Edits.remove(doc.graph(), List.of(), List.of(e)));
        assertThat(doc.graph().edges()).isEmpty();
        doc.undo();
        assertThat(doc.graph().edges()).containsExactly(e);
        assertThat(doc.undoDescription()).contains("Connect");
    }

    @Test
    void a_move_is_one_step_and_undo_puts_nodes_back() {
        Node n = add("Dense");
        doc.execute(Edits.move(doc.graph(), Map.of(n.id(), new double[]{300, 120}), "Move"));
        assertThat(n.x()).isEqualTo(300);
        doc.undo();
        assertThat(n.x()).isZero();
        assertThat(n.y()).isZero();
    }

    @Test
    void parameter_edits_typed_in_a_row_merge_into_one_undo_step() {
        Node n = add("Dense");
        doc.execute(Edits.setParam(doc.graph(), n.id(), "units", 1));
        doc.execute(Edits.setParam(doc.graph(), n.id(), "units", 12));
        doc.execute(Edits.setParam(doc.graph(), n.id(), "units", 128));
        assertThat(doc.undoDescription()).contains("Change units");
        doc.undo();
        assertThat(n.params().getInt("units")).isEqualTo(128); // the default: back to before the typing
        assertThat(doc.undoDescription()).contains("Add Dense");
    }

    @Test
    void an_out_of_range_parameter_is_refused_with_its_range_and_changes_nothing() {
        Node n = add("Dense");
        assertThatThrownBy(() -> Edits.setParam(doc.graph(), n.id(), "units", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and");
        assertThat(n.params().getInt("units")).isEqualTo(128);
        assertThat(doc.undoDescription()).contains("Add Dense");
    }

    @Test
    void edits_inside_an_edit_are_refused() {
        Node n = add("Dense");
        Command nested = new Command() {
            @Override
            public void execute() {
                doc.execute(Edits.rename(doc.graph(), n.id(), "y"));
            }

            @Override
            public void undo() {
            }

            @Override
            public String description() {
                return "nested";
            }
        };
        assertThatThrownBy(() -> doc.execute(nested)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("re-entrant");
    }

    @Test
    void the_document_is_dirty_after_an_edit_and_clean_after_save_and_after_undoing_to_the_save(
            @TempDir Path dir) throws Exception {
        assertThat(doc.isDirty()).isFalse();
        Node n = add("Dense");
        assertThat(doc.isDirty()).isTrue();
        Path f = dir.resolve("p.strata");
        ProjectFile.save(doc.project(), f);
        doc.markSaved(f);
        assertThat(doc.isDirty()).isFalse();
        doc.execute(Edits.rename(doc.graph(), n.id(), "hidden"));
        assertThat(doc.isDirty()).isTrue();
        doc.undo();
        assertThat(doc.isDirty()).isFalse();
    }

    @Test
    void the_analysis_follows_every_edit() {
        Node in = add("Input");
        Node out = add("Output");
        assertThat(doc.analysis().isValid()).isFalse(); // the output is not connected
        doc.execute(Edits.connect(doc.graph(), edge(in, out, "in")));
        doc.execute(Edits.setParam(doc.graph(), in.id(), "size", 4));
        assertThat(doc.analysis().shapeOf(out.id())).isPresent();
    }

    @Test
    void paste_renews_ids_and_keeps_internal_edges_only() {
        Node in = add("Input");
        Node a = add("Dense");
        Node b = add("Dense");
        doc.execute(Edits.connect(doc.graph(), edge(in, a, "in")));
        doc.execute(Edits.connect(doc.graph(), edge(a, b, "in")));
        Fragment f = Fragment.of(doc.graph(), List.of(a.id(), b.id()));
        Fragment.Instance copy = f.instantiate(doc.graph(), 40, 40);
        doc.execute(Edits.addNodes(doc.graph(), copy.nodes(), copy.edges(), "Paste"));
        assertThat(copy.ids()).doesNotContain(a.id(), b.id()).doesNotHaveDuplicates();
        assertThat(copy.edges()).hasSize(1);
        assertThat(doc.graph().nodes()).hasSize(5);
        assertThat(copy.nodes().get(0).x()).isEqualTo(a.x() + 40);
        doc.undo();
        assertThat(doc.graph().nodes()).hasSize(3);
    }

    @Test
    void auto_layout_puts_each_node_right_of_its_inputs() {
        Node in = add("Input");
        Node a = add("Dense");
        Node out = add("Output");
        doc.execute(Edits.connect(doc.graph(), edge(in, a, "in")));
        doc.execute(Edits.connect(doc.graph(), edge(a, out, "in")));
        doc.execute(Edits.move(doc.graph(), AutoLayout.positions(doc.graph(), doc.analysis()), "Auto-layout"));
        assertThat(in.x()).isLessThan(a.x());
        assertThat(a.x()).isLessThan(out.x());
        doc.undo();
        assertThat(a.x()).isZero();
    }

    @Test
    void deleting_removes_the_nodes_from_the_selection() {
        Node n = add("Dense");
        doc.selection().set(List.of(n.id()));
        doc.execute(Edits.remove(doc.graph(), doc.selection().nodes(), List.of()));
        assertThat(doc.selection().isEmpty()).isTrue();
    }
}
