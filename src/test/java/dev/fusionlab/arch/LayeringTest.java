package dev.fusionlab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the core usable headless: only the ui package may touch JavaFX, and the core never reaches up. */
class LayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.fusionlab");

    @Test
    void onlyTheUiImportsJavaFx() {
        noClasses().that().resideOutsideOfPackages("dev.fusionlab.ui..", "dev.fusionlab")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(CLASSES);
    }

    @Test
    void theCoreDependsOnNeitherFrontEnd() {
        noClasses().that().resideOutsideOfPackages("dev.fusionlab.ui..", "dev.fusionlab.cli..", "dev.fusionlab")
                .should().dependOnClassesThat().resideInAnyPackage("dev.fusionlab.ui..", "dev.fusionlab.cli..")
                .check(CLASSES);
    }

    @Test
    void theCliDoesNotUseTheGui() {
        noClasses().that().resideInAPackage("dev.fusionlab.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.fusionlab.ui..")
                .check(CLASSES);
    }
}
