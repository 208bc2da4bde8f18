package org.strata.engine.project;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.strata.engine.graph.Graph;
import org.strata.engine.params.Params;

/** A Strata project: a graph, the data it trains on and how it trains. Saved as a {@code .strata} JSON file. */
public final class Project {
    private String name;
    private String description;
    private final Graph graph;
    private DatasetSpec dataset;
    private Params training;
    private Path file;

    /**
     * @param name        title shown in the window and on sample cards
     * @param description one line of what the project teaches
     * @param graph       the network
     * @param dataset     its data, or null if none chosen yet
     * @param training    values for {@link TrainingSettings#TABLE}
     */
    public Project(String name, String description, Graph graph, DatasetSpec dataset, Params training) {
        this.name = Objects.requireNonNull(name);
        this.description = Objects.requireNonNull(description);
        this.graph = Objects.requireNonNull(graph);
        this.dataset = dataset;
        if (training.table() != TrainingSettings.TABLE) throw new IllegalArgumentException("not training settings");
        this.training = training;
    }

    /**
     * @return a deep copy that shares nothing that can change (graph, training settings), with the same dataset and
     *     file: what a run trains, while the window goes on editing the original
     */
    public Project copy() {
        DatasetSpec data = dataset == null ? null : new DatasetSpec(dataset.kind(), dataset.params().copy());
        Project p = new Project(name, description, graph.copy(), data, training.copy());
        p.file = file;
        return p;
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name);
    }

    public String description() {
        return description;
    }

    public void setDescription(String description) {
        this.description = Objects.requireNonNull(description);
    }

    public Graph graph() {
        return graph;
    }

    /** @return the dataset, if one is chosen */
    public Optional<DatasetSpec> dataset() {
        return Optional.ofNullable(dataset);
    }

    public void setDataset(DatasetSpec dataset) {
        this.dataset = dataset;
    }

    /** @return the training settings (values of {@link TrainingSettings#TABLE}) */
    public Params training() {
        return training;
    }

    public void setTraining(Params training) {
        if (training.table() != TrainingSettings.TABLE) throw new IllegalArgumentException("not training settings");
        this.training = training;
    }

    /** @return the file this project was loaded from or saved to, if any */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Records where the project lives; dataset paths resolve against its folder. */
    public void setFile(Path file) {
        this.file = file == null ? null : file.toAbsolutePath().normalize();
    }

    /**
     * Moves the project to another file (Save As): relative dataset paths are rewritten so that they still name the
     * same files from the new folder. Absolute paths are kept.
     */
    public void relocate(Path newFile) {
        Path target = newFile.toAbsolutePath().normalize();
        if (file != null && dataset != null) {
            Path oldDir = file.toAbsolutePath().normalize().getParent();
            Path newDir = target.getParent();
            if (!oldDir.equals(newDir)) {
                org.strata.engine.params.Params p = dataset.params().copy();
                for (org.strata.engine.params.ParamSpec s : dataset.kind().params().specs()) {
                    if (!s.type().isPath() || !(p.get(s.name()) instanceof String v)
                            || v.isBlank() || Path.of(v).isAbsolute()) {
                        continue;
                    }
                    Path same = oldDir.resolve(v).normalize();
                    p.set(s.name(), newDir.relativize(same).toString().replace('\\', '/'));
                }
                dataset = new DatasetSpec(dataset.kind(), p);
            }
        }
        file = target;
    }

    /** @return a path from the project file resolved to an absolute one */
    public Path resolve(String relative) {
        Path p = Path.of(relative);
        if (p.isAbsolute() || file == null) return p;
        return file.getParent().resolve(p).normalize();
    }
}
