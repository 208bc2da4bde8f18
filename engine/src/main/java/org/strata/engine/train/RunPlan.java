package org.strata.engine.train;

import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.DataFit;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.analysis.MemoryEstimate;
import org.strata.engine.analysis.Problem;
import org.strata.engine.data.Dataset;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.LossFn;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.project.Project;
import org.strata.engine.text.Message;

/**
 * What a session needs besides its network: the project's copy, checked (no errors, one Input and one Output, an Input
 * the data fits), the task its Output sets and the engine that will run it.
 *
 * @param project    the copy of the project the run trains
 * @param analysis   its analysis
 * @param task       what the Output asks of the data (loss, metric, label layout)
 * @param inputNode  the Input node's id
 * @param outputNode the Output node's id
 * @param choice     the engine, and why
 */
record RunPlan(Project project, Analysis analysis, Task task, String inputNode, String outputNode,
               Backends.Choice choice) {

    /**
     * @param engine the engine the caller asks for (auto: the fast engine where it supports the graph)
     * @throws TrainingException naming the node and the fix when the graph or the data cannot train
     */
    static RunPlan of(Project project, Dataset data, Backends.Preference engine) throws TrainingException {
        Analysis a = checkGraph(project.graph());
        checkMemory(a, project);
        Graph g = project.graph();
        Node input = g.inputNodes().get(0);
        Node output = g.outputNodes().get(0);
        for (Problem p : DataFit.problems(g, a, data.shape())) {
            if (p.severity() == Problem.Severity.ERROR) {
                throw new TrainingException(Message.of(p.code(), p.message(), p.args().toArray()), p.nodeId(), null);
            }
        }
        TensorShape out = a.shapeOf(output.id()).orElseThrow();
        Task task = Task.of(data, out, LossFn.of(output.params()),
                output.params().getString("metric"), output.id());
        Backends.Choice choice = Backends.choose(g, a, project.training(), engine);
        return new RunPlan(project, a, task, input.id(), output.id(), choice);
    }

    Graph graph() {
        return project.graph();
    }

    /** @return the shape of one sample at the Input */
    TensorShape inputShape() {
        return analysis.shapeOf(inputNode).orElseThrow();
    }

    /**
     * Refuses a network whose training would not fit in memory, before anything is allocated: it would otherwise take
     * the machine's memory for a minute and then die.
     */
    static void checkMemory(Analysis a, Project project) throws TrainingException {
        int batch = project.training().getInt("batchSize");
        MemoryEstimate m = MemoryEstimate.of(a, batch, project.training().getString("optimizer"));
        long budget = org.strata.engine.runtime.MemoryBudget.bytes();
        if (m.total() <= budget) return;
        String need = MemoryEstimate.bytes(m.total());
        String have = MemoryEstimate.bytes(budget);
        String largest = project.graph().node(m.largest()).map(n -> n.name()).orElse(m.largest());
        throw new TrainingException(Message.of("run.tooLarge", "Training this network takes at least " + need
                + " (weights and gradients " + MemoryEstimate.bytes(m.weights()) + ", optimizer "
                + MemoryEstimate.bytes(m.optimizer()) + ", a batch of " + batch + " "
                + MemoryEstimate.bytes(m.activations()) + ") but this machine has about " + have + " for it; the "
                + "largest part is '" + largest + "': make it or the input smaller, or lower the batch size",
                need, have, largest, batch), m.largest(), null);
    }

    /** @return the graph's analysis, if it has no errors and exactly one Input and one Output */
    static Analysis checkGraph(Graph g) throws TrainingException {
        Analysis a = GraphAnalyzer.analyze(g);
        if (!a.isValid()) {
            var first = a.errors().get(0);
            throw new TrainingException("The network has " + a.errors().size() + " problem(s); the first: "
                    + first.message(), first.nodeId(), null);
        }
        long inputs = g.inputNodes().size();
        long outputs = g.outputNodes().size();
        if (inputs != 1 || outputs != 1) {
            throw new TrainingException("Training needs exactly one Input and one Output; this graph has " + inputs
                    + " Input(s) and " + outputs + " Output(s): remove the extra ones");
        }
        return a;
    }
}
