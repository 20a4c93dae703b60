package io.socketdeck.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine stays free of JavaFX and of the UI, so it runs headless, in benches and a CLI. */
class LayeringTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.socketdeck");

    @Test
    void coreDependsOnNeitherJavaFxNorTheUi() {
        noClasses().that().resideInAPackage("io.socketdeck.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.socketdeck.ui..", "com.sun.javafx..")
                .because("the engine must run without a display")
                .check(PRODUCTION);
    }

    @Test
    void featuresDoNotReachIntoEachOther() {
        noClasses().that().resideInAnyPackage("io.socketdeck.ui.tcpclient..", "io.socketdeck.ui.udp..")
                .should().dependOnClassesThat().resideInAnyPackage("io.socketdeck.ui.tcpserver..")
                .allowEmptyShould(true) // until every tab has classes
                .check(PRODUCTION);
        noClasses().that().resideInAnyPackage("io.socketdeck.ui.tcpserver..", "io.socketdeck.ui.udp..")
                .should().dependOnClassesThat().resideInAnyPackage("io.socketdeck.ui.tcpclient..")
                .allowEmptyShould(true)
                .check(PRODUCTION);
    }
}
