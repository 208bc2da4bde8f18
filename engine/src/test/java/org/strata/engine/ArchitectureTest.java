package org.strata.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
}
