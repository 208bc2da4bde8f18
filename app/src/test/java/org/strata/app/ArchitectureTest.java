package org.strata.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The document layer holds the model and commands only: no controls, no scene graph, no window code. */
class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.strata.app");

    @Test
    void the_document_knows_nothing_of_views() {
        noClasses().that().resideInAPackage("org.strata.app.document..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.controlsfx..", "org.strata.app.canvas..", "org.strata.app.window..",
                        "org.strata.app.inspector..", "org.strata.app.palette..", "org.strata.app.dock..",
                        "org.strata.app.data..")
                .check(classes);
    }

    @Test
    void the_runs_logic_is_tested_without_a_window_so_it_has_no_views() {
        noClasses().that().resideInAPackage("org.strata.app.training")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.controlsfx..", "org.jfree..", "org.strata.app.training.view..", "org.strata.app.window..")
                .check(classes);
    }

    @Test
    void the_lessons_and_their_progress_have_no_views() {
        noClasses().that().resideInAPackage("org.strata.app.lessons")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.controlsfx..", "org.strata.app.lessons.view..", "org.strata.app.window..")
                .check(classes);
    }

    @Test
    void the_scale_logic_is_tested_without_a_window_so_it_has_no_views() {
        noClasses().that().resideInAPackage("org.strata.app.scale")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.controlsfx..", "org.strata.app.dock..", "org.strata.app.window..")
                .check(classes);
    }

    @Test
    void no_two_packages_depend_on_each_other() {
        slices().matching("org.strata.app.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void panels_do_not_reach_into_each_other() {
        noClasses().that().resideInAnyPackage("org.strata.app.canvas..", "org.strata.app.inspector..",
                        "org.strata.app.dock..", "org.strata.app.data..")
                .should().dependOnClassesThat().resideInAPackage("org.strata.app.window..")
                .check(classes);
    }
}
