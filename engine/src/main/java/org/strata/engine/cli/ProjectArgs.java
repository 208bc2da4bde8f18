package org.strata.engine.cli;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;

/** Loading the project named on the command line, with errors a person can act on. */
final class ProjectArgs {
    private ProjectArgs() {
    }

    static Project load(Path file) throws Exception {
        try {
            return ProjectFile.load(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file + ": no such project file");
        }
    }
}
