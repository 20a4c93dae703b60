package io.socketdeck.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, checked on every build (see docs/architecture.md): the engine runs
 * without JavaFX; the window's feature packages depend one way, from the app down through the
 * tabs to the shared features and the generic FX pieces, never back and never in a circle.
 */
class LayeringTest {

    private static final String UI = "io.socketdeck.ui";
    /** One package per kind of tab. */
    private static final String[] TAB_KINDS = {UI + ".tcpclient..", UI + ".tcpserver..", UI + ".udp.."};
    /** What every tab is built from. */
    private static final String[] SHARED_FEATURES = {UI + ".log..", UI + ".send..", UI + ".quick..",
        UI + ".capture..", UI + ".common..", UI + ".framing..", UI + ".respond..", UI + ".tls.."};

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.socketdeck");

    @Test
    void coreDependsOnNeitherJavaFxNorTheUi() {
        noClasses().that().resideInAPackage("io.socketdeck.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", UI + "..", "com.sun.javafx..")
                .because("the engine must run without a display: in benchmarks, tests and a command line")
                .check(PRODUCTION);
    }

    @Test
    void theCommandLineDependsOnNeitherJavaFxNorTheUi() {
        noClasses().that().resideInAPackage("io.socketdeck.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", UI + "..", "com.sun.javafx..")
                .because("a subcommand runs headless, over ssh and in CI, and starts without loading JavaFX")
                .check(PRODUCTION);
    }

    /**
     * A name lookup can block for seconds. Only the lookup helper may ask the name service, on
     * threads of its own; everything else (reading a typed address on the UI thread above all, a
     * UDP send on an I/O loop) reads literals with {@code IpLiterals}, which never does.
     */
    @Test
    void onlyTheLookupHelperLooksNamesUp() {
        noClasses().that().doNotHaveFullyQualifiedName("io.socketdeck.core.net.HostLookup")
                .should().callMethod(java.net.InetAddress.class, "getByName", String.class)
                .orShould().callMethod(java.net.InetAddress.class, "getAllByName", String.class)
                .orShould().callMethod(java.net.InetAddress.class, "getLocalHost")
                .orShould().callMethod(java.net.InetAddress.class, "getHostName")
                .orShould().callMethod(java.net.InetAddress.class, "getCanonicalHostName")
                .orShould().callConstructor(java.net.InetSocketAddress.class, String.class, int.class)
                .because("a lookup on the UI thread (or an I/O loop) freezes everything on it")
                .check(PRODUCTION);
    }

    @Test
    void uiFeaturePackagesHaveNoCycles() {
        slices().matching(UI + ".(*)..").should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void genericFxPiecesKnowNoFeature() {
        noClasses().that().resideInAPackage(UI + ".fx..")
                .should().dependOnClassesThat(resideInAPackage(UI + "..").and(not(resideInAPackage(UI + ".fx.."))))
                .because("ui.fx holds generic pieces (pump, bounded lists, tick, widgets) any feature may use")
                .check(PRODUCTION);
    }

    @Test
    void sharedFeaturesKnowNoTabAndNoApp() {
        noClasses().that().resideInAnyPackage(SHARED_FEATURES)
                .should().dependOnClassesThat().resideInAnyPackage(
                        UI + ".tab..", UI + ".app..", TAB_KINDS[0], TAB_KINDS[1], TAB_KINDS[2])
                .check(PRODUCTION);
        noClasses().that().resideInAPackage(UI + ".tab..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        UI + ".app..", TAB_KINDS[0], TAB_KINDS[1], TAB_KINDS[2])
                .check(PRODUCTION);
    }

    @Test
    void tabKindsDoNotReachIntoEachOther() {
        for (String kind : TAB_KINDS) {
            String[] others = java.util.Arrays.stream(TAB_KINDS).filter(other -> !other.equals(kind))
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(kind)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("a new kind of tab touches only its own package and one registration line")
                    .check(PRODUCTION);
        }
    }
}
