package dev.fusionlab.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the core usable headless (only the ui package may touch JavaFX, and the core never reaches up),
 * the view models testable without a display (no scene graph, no view class), and the packages a
 * hierarchy: no two packages depend on each other, directly or round a loop.
 */
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

    @Test
    void viewModelsHoldNoViewClass() {
        noClasses().that().resideInAPackage("dev.fusionlab.ui.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "dev.fusionlab.ui.view..")
                .check(CLASSES);
    }

    @Test
    void theEvaluationDependsOnNoModelOrEngine() {
        noClasses().that().resideInAPackage("dev.fusionlab.evaluate..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.fusionlab.fuse..", "dev.fusionlab.align..",
                        "dev.fusionlab.train..", "dev.fusionlab.pipeline..", "ai.djl..")
                .check(CLASSES);
    }

    @Test
    void theTopLevelPackagesAreFreeOfCycles() {
        slices().matching("dev.fusionlab.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /**
     * Every package, sub-packages included. One known exception: the projection algorithms
     * ({@code project.pca}, {@code .tsne}, {@code .umap}, {@code .neighbors}) use the thread pool and dense
     * algebra of {@code project}, whose {@code Projector} dispatches to them; moving those helpers to a
     * package of their own would end it (the projection code is another helper's, so it is left for now).
     */
    @Test
    void everyPackageIsFreeOfCycles() {
        slices().matching("dev.fusionlab.(**)").should().beFreeOfCycles()
                .ignoreDependency(resideInAPackage("dev.fusionlab.project.*.."), resideInAPackage("dev.fusionlab.project"))
                .check(CLASSES);
    }

    /**
     * One name, one type: a reader (or an import) never has to ask which {@code Comparison} is meant. Counts
     * every type that can be named outside its file (top-level types and public nested ones); a private helper
     * nested in one class ({@code Run}, {@code Row}) is local to that class and may share a short name.
     */
    @Test
    void noTwoTypesShareASimpleName() {
        var byName = CLASSES.stream()
                .filter(c -> !c.isAnonymousClass() && !c.getSimpleName().isEmpty()
                        && !c.getSimpleName().equals("package-info"))
                .filter(c -> c.isTopLevelClass() || c.getModifiers().contains(JavaModifier.PUBLIC))
                .collect(java.util.stream.Collectors.groupingBy(JavaClass::getSimpleName,
                        java.util.stream.Collectors.mapping(JavaClass::getName, java.util.stream.Collectors.toList())));
        assertThat(byName.values().stream().filter(names -> names.size() > 1).toList()).isEmpty();
    }
}
