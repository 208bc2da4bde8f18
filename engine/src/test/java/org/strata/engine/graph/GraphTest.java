package org.strata.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.strata.engine.Graphs;

class GraphTest {
    @Test
    void removing_a_node_removes_and_returns_its_edges() {
        Graph g = Graphs.mlp();
        var removed = g.remove("dense1");
        assertEquals(2, removed.size());
        assertEquals(1, g.edges().size());
        assertTrue(g.node("dense1").isEmpty());
    }

    @Test
    void an_input_port_takes_one_edge_only() {
        Graph g = Graphs.mlp();
        assertThrows(IllegalArgumentException.class, () -> g.connect("input", "dense2"));
    }

    @Test
    void unknown_ports_are_refused() {
        Graph g = Graphs.mlp();
        var e = assertThrows(IllegalArgumentException.class,
                () -> g.connect(new PortRef("output", "out"), new PortRef("dense1", "in")));
        assertTrue(e.getMessage().contains("no output port"));
    }

    @Test
    void would_create_cycle_detects_back_edges_only() {
        Graph g = Graphs.mlp();
        assertTrue(g.wouldCreateCycle("dense2", "dense1"));
        assertFalse(g.wouldCreateCycle("input", "dense2"));
    }

    @Test
    void fresh_ids_do_not_collide() {
        Graph g = Graphs.mlp();
        assertEquals("dense", g.freshId("Dense"));
        assertEquals("input2", g.freshId("Input"));
    }

    @Test
    void port_refs_parse_and_print() {
        assertEquals(new PortRef("add", "in2"), PortRef.parse("add:in2"));
        assertEquals("add:in2", new PortRef("add", "in2").toString());
        assertThrows(IllegalArgumentException.class, () -> PortRef.parse("add"));
    }
}
