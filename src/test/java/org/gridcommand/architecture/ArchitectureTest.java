package org.gridcommand.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers, after JabRef's CommonArchitectureTest: domain and service code is plain Java that a CLI,
 * a server or a test can run without a screen; only the UI packages touch JavaFX, only video touches vlcj.
 */
@AnalyzeClasses(packages = "org.gridcommand", importOptions = ArchitectureTest.ProductionCodeOnly.class)
class ArchitectureTest {
    /** Production classes only, whatever the build folder is called (ArchUnit's own option expects target/). */
    static final class ProductionCodeOnly implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("/test-classes/");
        }
    }

    private static final String[] UI_PACKAGES = {"org.gridcommand.ui..", "org.gridcommand.video..", "org.gridcommand.fx.."};
    private static final String[] DOMAIN_PACKAGES = {
        "org.gridcommand.common..", "org.gridcommand.geo..", "org.gridcommand.grid..", "org.gridcommand.camera..",
        "org.gridcommand.directory..", "org.gridcommand.cases..", "org.gridcommand.duty..", "org.gridcommand.search..",
        "org.gridcommand.sla..", "org.gridcommand.cap..", "org.gridcommand.feed..", "org.gridcommand.evidence..",
        "org.gridcommand.plans..", "org.gridcommand.stats..", "org.gridcommand.wall..", "org.gridcommand.drill..",
        "org.gridcommand.handover..", "org.gridcommand.debrief..", "org.gridcommand.report..", "org.gridcommand.alarm..",
        "org.gridcommand.address..",
    };

    @ArchTest
    static final ArchRule onlyUiAndVideoUseJavaFx = noClasses()
            .that().resideOutsideOfPackages(UI_PACKAGES)
            .and().resideOutsideOfPackage("org.gridcommand.bench..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .as("domain, service, store and CLI code must not import javafx.* (the map, queue and video benchmarks "
                    + "drive real windows)");

    @ArchTest
    static final ArchRule onlyVideoUsesVlcj = noClasses()
            .that().resideOutsideOfPackage("org.gridcommand.video..")
            .should().dependOnClassesThat().resideInAnyPackage("uk.co.caprica..")
            .as("only the video package may touch vlcj");

    @ArchTest
    static final ArchRule onlyTheFeedTransportUsesPaho = noClasses()
            .that().resideOutsideOfPackage("org.gridcommand.feed.mqtt..")
            .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.paho..")
            .as("only feed.mqtt may use the MQTT client (the simulator and the benchmarks publish through it)");

    @ArchTest
    static final ArchRule onlyTheAddressRegisterUsesPinyin = noClasses()
            .that().resideOutsideOfPackage("org.gridcommand.address..")
            .should().dependOnClassesThat().resideInAnyPackage("net.sourceforge.pinyin4j..")
            .as("only the address register's search reads pinyin (its initials)");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("org.gridcommand.(*)..")
            .should().beFreeOfCycles()
            .as("the top-level packages form a graph without cycles, as docs/ARCHITECTURE.md draws it");

    @ArchTest
    static final ArchRule noCyclesBetweenUiParts = slices().matching("org.gridcommand.ui.(*)..")
            .should().beFreeOfCycles()
            .as("the parts of the console (queue, intake, alert, map, video …) form a graph without cycles");

    @ArchTest
    static final ArchRule videoAndFxReachNoOuterLayer = noClasses()
            .that().resideInAnyPackage("org.gridcommand.video..", "org.gridcommand.fx..")
            .should().dependOnClassesThat().resideInAnyPackage("org.gridcommand.ui..", "org.gridcommand.app..",
                    "org.gridcommand.store..", "org.gridcommand.cli..", "org.gridcommand.bench..",
                    "org.gridcommand.demo..")
            .as("video uses fx and the domain only; fx uses nothing of ours");

    @ArchTest
    static final ArchRule demoSeedsThroughTheStoreOnly = noClasses()
            .that().resideInAPackage("org.gridcommand.demo..")
            .should().dependOnClassesThat().resideInAnyPackage("org.gridcommand.ui..", "org.gridcommand.app..",
                    "org.gridcommand.cli..", "org.gridcommand.bench..", "org.gridcommand.video..",
                    "org.gridcommand.fx..")
            .as("the demo seed uses the store and the domain only");

    @ArchTest
    static final ArchRule tilesReadOnlyTheirArchive = noClasses()
            .that().resideInAPackage("org.gridcommand.tiles..")
            .should().dependOnClassesThat().resideInAnyPackage("org.gridcommand.store..", "org.gridcommand.ui..",
                    "org.gridcommand.app..", "org.gridcommand.cli..", "javafx..")
            .as("the base-map tile reader is an adapter of its own (SQLite MBTiles), below the map that draws it");

    @ArchTest
    static final ArchRule theTileHealthRulesArePlainJava = noClasses()
            .that().haveSimpleNameStartingWith("TileHealth").or().haveSimpleName("TileState")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "uk.co.caprica..")
            .as("a video tile's health and reconnect rules run, and are tested, without JavaFX or libVLC");

    @ArchTest
    static final ArchRule noSystemOutOutsideCli = noClasses()
            .that().resideOutsideOfPackage("org.gridcommand.cli..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .as("only the CLI writes to standard output and error; everything else logs");

    @ArchTest
    static final ArchRule domainDependsOnNoOuterLayer = noClasses()
            .that().resideInAnyPackage(DOMAIN_PACKAGES)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.gridcommand.store..", "org.gridcommand.ui..", "org.gridcommand.video..",
                    "org.gridcommand.app..", "org.gridcommand.cli..", "org.gridcommand.demo..",
                    "java.sql..", "org.h2..", "org.postgresql..", "org.flywaydb..")
            .as("domain packages depend on no store, UI, CLI or database code");

    @ArchTest
    static final ArchRule storeDoesNotReachUp = noClasses()
            .that().resideInAPackage("org.gridcommand.store..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.gridcommand.ui..", "org.gridcommand.app..", "org.gridcommand.cli..", "org.gridcommand.demo..")
            .as("the store serves the services and knows nothing above it");

    @ArchTest
    static final ArchRule uiDoesNotTouchJdbc = noClasses()
            .that().resideInAnyPackage(UI_PACKAGES)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.h2..", "org.postgresql..")
            .as("views reach data through services, never through JDBC");

    @ArchTest
    static final ArchRule uiNeverTouchesTheStore = noClasses()
            .that().resideInAPackage("org.gridcommand.ui..")
            .should().dependOnClassesThat().resideInAPackage("org.gridcommand.store..")
            .as("views get services and ports from app (the composition root), never the store or a Jdbc class");

    @ArchTest
    static final ArchRule benchIsALeafOnlyTheCliUses = noClasses()
            .that().resideOutsideOfPackages("org.gridcommand.bench..", "org.gridcommand.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.gridcommand.bench..")
            .as("the benchmark harnesses (bench) are a leaf: only the CLI's bench commands use them");

    @ArchTest
    static void theRulesSeeTheCode(JavaClasses classes) {
        // Guards against a rule passing because the import found nothing (a wrong package name).
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("org.gridcommand.ui")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("org.gridcommand.grid")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("org.gridcommand.bench.locate")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.size()).isGreaterThan(40);
    }
}
