package org.strata.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.strata.engine");

    @Test
    void engine_uses_no_javafx() {
        noClasses().that().resideInAPackage("org.strata.engine..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..").check(ENGINE);
    }

    @Test
    void graph_model_and_parameters_do_not_depend_on_the_training_backend() {
        noClasses().that().resideInAnyPackage("org.strata.engine.params..", "org.strata.engine.graph..")
                .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..")
                .check(ENGINE);
    }
}
