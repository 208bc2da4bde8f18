package org.strata.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.Samples;

/**
 * Every path the command line reads is checked before it is opened: a named pipe (which blocks whoever opens it
 * until something writes) and a device such as {@code /dev/zero} (which never ends) are refused with a message.
 */
class InputPathsTest {
    private static final Duration SOON = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Path fifo(String name) throws Exception {
        Path p = dir.resolve(name);
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assumeTrue(mk.waitFor() == 0, "mkfifo is needed for this test");
        return p;
    }

    /** A copy of sample {@code name} in the temporary folder, its data file named {@code data} instead. */
    private Path project(String name, String dataFile, String data) throws Exception {
        Path p = dir.resolve(name + ".strata");
        Files.writeString(p, Files.readString(Samples.file(name)).replace("\"" + dataFile + "\"", "\"" + data + "\""));
        return p;
    }

    private static CliTest.Result soon(String... args) {
        return assertTimeoutPreemptively(SOON, () -> CliTest.cli(args), "the command hung on its input");
    }

    @Test
    void a_pipe_as_a_text_dataset_is_refused_by_validate_and_data_instead_of_waiting_for_a_writer() throws Exception {
        fifo("words.csv");
        Path project = project("which-language", "words.csv", "words.csv");
        for (String command : new String[] {"validate", "data"}) {
            CliTest.Result r = soon(command, project.toString());
            assertEquals(1, r.status(), command + ": " + r.out() + r.err());
            assertTrue((r.out() + r.err()).contains("words.csv is not a regular file (a pipe, a device or a socket)"),
                    command + ": " + r.out() + r.err());
        }
    }

    @Test
    void a_pipe_as_a_csv_dataset_is_refused() throws Exception {
        fifo("iris.csv");
        Path project = project("iris", "iris.csv", "iris.csv");
        for (String command : new String[] {"validate", "data"}) {
            CliTest.Result r = soon(command, project.toString());
            assertEquals(1, r.status(), command + ": " + r.out() + r.err());
            assertTrue((r.out() + r.err()).contains("is not a regular file"), command + ": " + r.out() + r.err());
        }
    }

    @Test
    void dev_zero_as_a_dataset_is_refused_without_reading_it() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        for (String[] sample : new String[][] {{"which-language", "words.csv"}, {"iris", "iris.csv"}}) {
            Path project = project(sample[0], sample[1], "/dev/zero");
            CliTest.Result r = soon("data", project.toString());
            assertEquals(1, r.status(), r.out() + r.err());
            assertTrue(r.err().contains("/dev/zero is not a regular file"), r.err());
        }
        CliTest.Result project = soon("validate", "/dev/zero");
        assertEquals(1, project.status());
        assertTrue(project.err().contains("not a regular file (a pipe, a device or a socket)"), project.err());
    }

    @Test
    void a_pipe_as_the_project_file_model_or_weights_is_refused() throws Exception {
        Path pipe = fifo("pipe.strata");
        CliTest.Result validate = soon("validate", pipe.toString());
        assertEquals(1, validate.status());
        assertTrue(validate.err().contains("not a regular file"), validate.err());

        Path zip = fifo("model.zip");
        CliTest.Result evaluate = soon("evaluate", Samples.file("iris").toString(), "--model", zip.toString());
        assertEquals(1, evaluate.status());
        assertTrue(evaluate.err().contains("model.zip is not a regular file"), evaluate.err());
        CliTest.Result export = soon("export", zip.toString(), "--format", "npz", "--out",
                dir.resolve("out.npz").toString());
        assertEquals(1, export.status());
        assertTrue(export.err().contains("model.zip is not a regular file"), export.err());

        Path npz = fifo("weights.npz");
        CliTest.Result imported = soon("import-weights", npz.toString(), "--project", Samples.file("iris").toString());
        assertEquals(1, imported.status());
        assertTrue(imported.err().contains("weights.npz is not a regular file"), imported.err());
    }
}
