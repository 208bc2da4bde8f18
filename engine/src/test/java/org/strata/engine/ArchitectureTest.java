package org.strata.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.strata.engine");

    /** The model: what a network is, independent of anything that runs it. */
    private static final String[] MODEL = {"org.strata.engine.layers", "org.strata.engine.graph",
            "org.strata.engine.params", "org.strata.engine.analysis", "org.strata.engine.project"};

    @Test
    void engine_uses_no_javafx() {
        noClasses().that().resideInAPackage("org.strata.engine..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..").check(ENGINE);
    }

    @Test
    void no_two_packages_depend_on_each_other() {
        // (**) makes every package its own slice: train, train.fast and train.dl4j are three.
        slices().matching("org.strata.engine.(**)").should().beFreeOfCycles().check(ENGINE);
    }

    @Test
    void the_model_reaches_no_backend_even_through_other_classes() {
        noClasses().that().resideInAnyPackage(MODEL).should().transitivelyDependOnClassesThat()
                .resideInAnyPackage("org.deeplearning4j..", "org.nd4j..", "org.bytedeco..",
                        "org.strata.engine.train..", "org.strata.engine.backend..", "org.strata.engine.model..",
                        "org.strata.engine.export..", "org.strata.engine.runtime..")
                .check(ENGINE);
    }

    @Test
    void a_trained_model_is_plain_data_without_an_engine() {
        // exports, proofs and the views read a model as it is; a network is built from it (train.ModelNetwork) only
        // to train or to run a batch
        noClasses().that().resideInAPackage("org.strata.engine.model..").should().transitivelyDependOnClassesThat()
                .resideInAnyPackage("org.nd4j..", "org.deeplearning4j..", "org.bytedeco..",
                        "org.strata.engine.train..", "org.strata.engine.backend..")
                .check(ENGINE);
    }

    /** The main sources of every module that runs training: the engine's, the window's, the benchmarks'. */
    private static final List<String> MAIN_SOURCES = List.of("src/main/java", "../app/src/main/java",
            "../bench/src/main/java");

    /** The one entry point that reads {@code -Dstrata.engine} (README › Engines), both launchers go through it. */
    private static final Path ENGINE_ENTRY = Path.of("org/strata/engine/cli/StrataCli.java");

    /** The property's name as text: what a getProperty, setProperty or picocli's {@code ${sys:…}} needs. */
    private static final Pattern NAMES_ENGINE_PROPERTY = Pattern.compile("\"strata\\.engine\"|sys:strata\\.engine"
            + "|(?:get|set|clear)Property\\s*\\([^)]*ENGINE_PROPERTY");

    /** Setting or clearing it: a JVM-wide choice every later session would silently take. */
    private static final Pattern SETS_ENGINE_PROPERTY = Pattern.compile(
            "(?:set|clear)Property\\s*\\(\\s*(?:\\w+\\.)?(?:ENGINE_PROPERTY|\"strata\\.engine\")");

    @Test
    void the_engine_is_a_parameter_of_the_session_and_only_the_command_lines_entry_reads_its_property()
            throws IOException {
        List<String> found = new ArrayList<>();
        for (String source : MAIN_SOURCES) {
            Path root = Path.of(source);
            assertTrue(Files.isDirectory(root), root.toAbsolutePath() + " is missing: the rule would check nothing");
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(f);
                    boolean entry = root.relativize(f).equals(ENGINE_ENTRY);
                    if ((entry ? SETS_ENGINE_PROPERTY : NAMES_ENGINE_PROPERTY).matcher(text).find()) {
                        found.add(f.toString());
                    }
                }
            }
        }
        assertEquals(List.of(), found, "the engine is chosen with Backends.Preference passed to "
                + "TrainingSession.create; only StrataCli.run reads -Dstrata.engine, and nothing sets it");
    }
}
