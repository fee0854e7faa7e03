package org.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.gridcommand.cases.Attachment;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseAction;
import org.gridcommand.cases.CaseEvent;
import org.gridcommand.cases.CaseReport;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.EmergencyClass;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.cases.IntakeRejected;
import org.gridcommand.cases.IntakeResult;
import org.gridcommand.cases.IntakeResult.Outcome;
import org.gridcommand.cases.IntakeService;
import org.gridcommand.cases.IntakeSettings;
import org.gridcommand.cases.MergedReport;
import org.gridcommand.cases.Priority;
import org.gridcommand.duty.DutyService;
import org.gridcommand.duty.Operator;
import org.gridcommand.duty.Role;
import org.gridcommand.geo.ChinaDatums;
import org.gridcommand.geo.Datum;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.LocateService;
import org.gridcommand.store.TestStores.Backend;
import org.gridcommand.store.TestStores.TestStore;
import org.gridcommand.testing.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class IntakeServiceTest {
    /** Inside small grid 440402001001001 (Community 1 North) of the fixture district. */
    private static final GeoPoint NORTH = new GeoPoint(113.552, 22.279);
    /** About 100 m east of NORTH. */
    private static final GeoPoint NORTH_100M = new GeoPoint(113.552 + 100 / (111_320 * Math.cos(Math.toRadians(22.279))), 22.279);
    /** About 400 m east of NORTH, same grid. */
    private static final GeoPoint NORTH_400M = new GeoPoint(113.552 + 400 / (111_320 * Math.cos(Math.toRadians(22.279))), 22.279);
    private static final GeoPoint OUTSIDE = new GeoPoint(113.50, 22.20);
    /** In the lake the east big grid leaves out: inside the outline's bounding box, but in no grid. */
    private static final GeoPoint LAKE = new GeoPoint(113.572, 22.262);

    private static CategoryDictionary categories;

    private static Fixture validationStore;

    @BeforeAll
    static void load() {
        categories = CategoryDictionary.loadDefault();
    }

    /** Holds one case already, so "nothing changes" is checked against a non-empty queue. */
    private static synchronized Fixture validationStore() {
        if (validationStore == null) {
            validationStore = new Fixture(Backend.H2);
            validationStore.intake.submit(report(NORTH_400M).build());
        }
        return validationStore;
    }

    @AfterAll
    static void closeValidationStore() {
        if (validationStore != null) {
            validationStore.close();
        }
    }

    private static final class Fixture implements AutoCloseable {
        final TestStore store;
        final ManualClock clock = new ManualClock(Fixtures.NOW);
        final DutyService duty;
        final IntakeService intake;

        Fixture(Backend backend) {
            store = TestStores.open(backend);
            duty = new DutyService(store.db.audit(), clock);
            intake = new IntakeService(store.db.cases(), categories, new LocateService(Fixtures.district()), duty,
                    IntakeSettings.DEFAULTS, clock);
        }

        List<CaseEvent> trail(String caseId) {
            return store.db.caseEvents().findByCase(caseId);
        }

        @Override
        public void close() {
            store.close();
        }
    }

    private static CaseReport.Builder report(GeoPoint at) {
        return CaseReport.builder().channel(Channel.GRID_WORKER).reportId("GW-" + org.gridcommand.common.Ulid.next())
                .categoryCode("0601").at(at.lon(), at.lat(), Datum.WGS84).address("莲花路 88 号")
                .reporterName("王一").reporterContact("13900000001").reportedBy("W001")
                .description("居民楼起火，有浓烟").reportedAt(Fixtures.NOW.minusSeconds(30))
                .attachments(List.of(new Attachment("IMG_1.jpg", "image/jpeg", 2_000_000, "ab".repeat(32))));
    }

    static Stream<Arguments> badReports() {
        return Stream.of(
                bad("channel", "required", b -> b.channel(null)),
                bad("categoryCode", "required", b -> b.categoryCode(null)),
                bad("categoryCode", "unknown category 9999", b -> b.categoryCode("9999")),
                bad("categoryCode", "is a major class", b -> b.categoryCode("06")),
                bad("lon", "required", b -> b.lon(null)),
                bad("lat", "required", b -> b.lat(null)),
                bad("lon", "not a number", b -> b.lon(Double.NaN)),
                bad("lat", "not a number", b -> b.lat(Double.POSITIVE_INFINITY)),
                bad("lon", "out of range", b -> b.lon(181.0)),
                bad("lat", "out of range", b -> b.lat(-90.5)),
                bad("description", "required", b -> b.description(null)),
                bad("description", "required", b -> b.description("   ")),
                bad("description", "2001 characters; at most 2000", b -> b.description("火".repeat(2_001))),
                bad("address", "201 characters; at most 200", b -> b.address("路".repeat(201))),
                bad("reportId", "at most 200", b -> b.reportId("R".repeat(201))),
                bad("reporterContact", "at most 100", b -> b.reporterContact("1".repeat(101))),
                bad("reportedAt", "is in the future", b -> b.reportedAt(Fixtures.NOW.plus(Duration.ofMinutes(3)))),
                bad("attachments", "6 attachments; at most 5", b -> b.attachments(
                        Collections.nCopies(6, new Attachment("p.jpg", "image/jpeg", 1_000, null)))),
                bad("attachments[1]", "at most 10 MB", b -> b.attachments(List.of(
                        new Attachment("ok.jpg", "image/jpeg", 10L * 1024 * 1024, null),
                        new Attachment("big.mp4", "video/mp4", 10L * 1024 * 1024 + 1, null)))),
                bad("eventClass", "required when a level is given", b -> b.level(EmergencyLevel.III)));
    }

    private static Arguments bad(String field, String message, UnaryOperator<CaseReport.Builder> change) {
        return Arguments.of(field, message, change);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badReports")
    void eachBadFieldIsNamedAndNothingIsStored(String field, String message, UnaryOperator<CaseReport.Builder> change) {
        // One store for all rules: a refused report leaves it as it was, which is what is checked.
        Fixture f = validationStore();
        {
            long before = f.store.db.cases().count();
            long trailBefore = f.store.db.caseEvents().count();
            CaseReport bad = change.apply(report(NORTH)).build();

            for (var attempt : List.<Runnable>of(() -> f.intake.submit(bad), () -> f.intake.createAnyway(bad))) {
                assertThatThrownBy(attempt::run)
                        .isInstanceOf(IntakeRejected.class)
                        .satisfies(e -> {
                            IntakeRejected r = (IntakeRejected) e;
                            assertThat(r.fields()).containsExactly(field);
                            assertThat(r.problems().get(0).message()).contains(message);
                            assertThat(r.getMessage()).contains(field + ": ");
                        });
            }
            assertThat(f.intake.problems(bad)).extracting(p -> p.field()).containsExactly(field);
            assertThat(f.store.db.cases().count()).isEqualTo(before);
            assertThat(f.store.db.caseEvents().count()).isEqualTo(trailBefore);
        }
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        try (Fixture f = new Fixture(Backend.H2)) {
            CaseReport bad = report(NORTH).categoryCode("9999").lat(Double.NaN).description(null).build();
            assertThatThrownBy(() -> f.intake.submit(bad))
                    .isInstanceOf(IntakeRejected.class)
                    .satisfies(e -> assertThat(((IntakeRejected) e).fields())
                            .containsExactly("categoryCode", "lat", "description"));
            assertThat(f.store.db.cases().count()).isZero();
        }
    }

    @Test
    void aClockSlightlyAheadIsTolerated() {
        try (Fixture f = new Fixture(Backend.H2)) {
            IntakeResult r = f.intake.submit(report(NORTH).reportedAt(Fixtures.NOW.plusSeconds(100)).build());
            assertThat(r.outcome()).isEqualTo(Outcome.CREATED);
        }
    }

    @OnEachStore
    void aReportBecomesALocatedCaseWithItsFirstTrailLine(Backend backend) {
        try (Fixture f = new Fixture(backend)) {
            CaseReport r = report(NORTH).build();
            IntakeResult result = f.intake.submit(r);

            assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
            Case c = result.aCase();
            assertThat(f.store.db.cases().findById(c.id())).contains(c);
            assertThat(c.state()).isEqualTo(CaseState.REPORTED);
            assertThat(c.smallGridCode()).isEqualTo("440402001001001");
            assertThat(c.outsideDistrict()).isFalse();
            assertThat(c.location()).isEqualTo(NORTH);
            assertThat(c.priority()).isEqualTo(Priority.URGENT);
            assertThat(c.reportId()).isEqualTo(r.reportId());
            assertThat(c.reporterName()).isEqualTo("王一");
            assertThat(c.reporterContact()).isEqualTo("13900000001");
            assertThat(c.reportedBy()).isEqualTo("W001");
            assertThat(c.attachments()).isEqualTo(r.attachments());
            assertThat(c.reportedAt()).isEqualTo(r.reportedAt());
            assertThat(result.location().small()).isPresent();

            List<CaseEvent> trail = f.trail(c.id());
            assertThat(trail).hasSize(1);
            assertThat(trail.get(0).action()).isEqualTo(CaseAction.REPORT);
            assertThat(trail.get(0).operatorName()).isEqualTo("W001");
            assertThat(trail.get(0).role()).isNull();
            assertThat(trail.get(0).toState()).isEqualTo(CaseState.REPORTED);

            // An explicit priority and emergency grading are kept.
            IntakeResult graded = f.intake.submit(report(NORTH_400M).categoryCode("0401").priority(Priority.LOW)
                    .eventClass(EmergencyClass.SOCIAL_SECURITY).level(EmergencyLevel.IV).build());
            assertThat(graded.aCase().priority()).isEqualTo(Priority.LOW);
            assertThat(graded.aCase().eventClass()).isEqualTo(EmergencyClass.SOCIAL_SECURITY);
            assertThat(f.store.db.cases().findById(graded.aCase().id()).orElseThrow().level()).isEqualTo(EmergencyLevel.IV);
        }
    }

    @OnEachStore
    void aHotlineCallIsStampedWithTheOperatorOnDuty(Backend backend) {
        try (Fixture f = new Fixture(backend)) {
            f.duty.signOn(new Operator("张值班", Role.DUTY_OFFICER));
            IntakeResult r = f.intake.submit(report(NORTH).channel(Channel.HOTLINE).reportedBy(null).reportId(null).build());
            CaseEvent line = f.trail(r.aCase().id()).get(0);
            assertThat(line.operatorName()).isEqualTo("张值班");
            assertThat(line.role()).isEqualTo(Role.DUTY_OFFICER);
            assertThat(r.aCase().reportedBy()).isEqualTo("王一");
            assertThat(r.aCase().reportId()).isNull();
        }
    }

    @OnEachStore
    void aPointOutsideTheDistrictIsKeptAndFlagged(Backend backend) {
        try (Fixture f = new Fixture(backend)) {
            for (GeoPoint p : List.of(OUTSIDE, LAKE)) {
                IntakeResult r = f.intake.submit(report(p).build());
                assertThat(r.outcome()).isEqualTo(Outcome.CREATED);
                Case stored = f.store.db.cases().findById(r.aCase().id()).orElseThrow();
                assertThat(stored.outsideDistrict()).isTrue();
                assertThat(stored.smallGridCode()).isNull();
                assertThat(stored.location()).isEqualTo(p);
                assertThat(f.trail(stored.id()).get(0).note()).startsWith("outside the district");
            }
        }
    }

    @OnEachStore
    void theSameReportIdGivesTheSameCase(Backend backend) {
        try (Fixture f = new Fixture(backend)) {
            CaseReport r = report(NORTH).build();
            IntakeResult first = f.intake.submit(r);
            IntakeResult again = f.intake.submit(r);
            IntakeResult anyway = f.intake.createAnyway(r);
            assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_RECEIVED);
            assertThat(again.aCase()).isEqualTo(first.aCase());
            assertThat(anyway.outcome()).isEqualTo(Outcome.ALREADY_RECEIVED);
            assertThat(f.store.db.cases().count()).isEqualTo(1);
            assertThat(f.store.db.caseEvents().count()).isEqualTo(1);
        }
    }

    @OnEachStore
    void racingSubmitsOfOneReportMakeOneCase(Backend backend) throws Exception {
        try (Fixture f = new Fixture(backend)) {
            for (int round = 0; round < 3; round++) {
                CaseReport r = report(round == 0 ? NORTH : round == 1 ? OUTSIDE : LAKE).build();
                int threads = 8;
                CountDownLatch go = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                List<IntakeResult> results = new ArrayList<>();
                try {
                    List<Future<IntakeResult>> futures = new ArrayList<>();
                    for (int i = 0; i < threads; i++) {
                        futures.add(pool.submit(() -> {
                            go.await();
                            return f.intake.submit(r);
                        }));
                    }
                    go.countDown();
                    for (Future<IntakeResult> fu : futures) {
                        results.add(fu.get(60, TimeUnit.SECONDS));
                    }
                } finally {
                    pool.shutdownNow();
                }
                assertThat(results.stream().filter(IntakeResult::created)).hasSize(1);
                assertThat(results).allSatisfy(x -> assertThat(x.outcome()).isIn(Outcome.CREATED, Outcome.ALREADY_RECEIVED));
                assertThat(results.stream().map(x -> x.aCase().id()).distinct()).hasSize(1);
                assertThat(f.store.db.cases().count()).isEqualTo(round + 1);
                assertThat(f.store.db.caseEvents().count()).isEqualTo(round + 1);
            }
        }
    }

    @OnEachStore
    void aNearbyReportOfTheSameMajorIsOfferedForMergingAndMergedNotDropped(Backend backend) {
        try (Fixture f = new Fixture(backend)) {
            Case fire = f.intake.submit(report(NORTH).build()).aCase();
            f.clock.advance(Duration.ofMinutes(70));
            // Another kind of fire (0602, same major 06), 100 m away, an hour later.
            CaseReport second = report(NORTH_100M).categoryCode("0602").channel(Channel.HOTLINE)
                    .reporterName("陈先生").reportedBy("12345热线").description("看到楼上冒烟")
                    .reportedAt(fire.reportedAt().plus(Duration.ofMinutes(60))).build();

            IntakeResult offered = f.intake.submit(second);
            assertThat(offered.outcome()).isEqualTo(Outcome.POSSIBLE_DUPLICATE);
            assertThat(offered.possibleDuplicateOf()).contains(fire.id());
            assertThat(offered.aCase()).isNull();
            assertThat(offered.duplicates().get(0).distanceMetres()).isBetween(90.0, 110.0);
            assertThat(offered.duplicates().get(0).apart()).isEqualTo(Duration.ofMinutes(60));
            assertThat(f.store.db.cases().count()).isEqualTo(1);

            f.duty.signOn(new Operator("张值班", Role.DUTY_OFFICER));
            IntakeResult merged = f.intake.mergeInto(fire.id(), second);
            assertThat(merged.outcome()).isEqualTo(Outcome.MERGED);
            assertThat(merged.aCase().id()).isEqualTo(fire.id());
            assertThat(f.store.db.cases().count()).isEqualTo(1);

            List<MergedReport> kept = f.intake.mergedReports(fire.id());
            assertThat(kept).hasSize(1);
            assertThat(kept.get(0).report()).isEqualTo(second);
            assertThat(kept.get(0).caseId()).isEqualTo(fire.id());
            List<CaseEvent> trail = f.trail(fire.id());
            assertThat(trail).extracting(CaseEvent::action).containsExactly(CaseAction.REPORT, CaseAction.MERGE_REPORT);
            assertThat(trail.get(1).operatorName()).isEqualTo("张值班");
            assertThat(trail.get(1).note()).contains(second.reportId()).contains("看到楼上冒烟");

            // The merged report's id is known now: resending it lands on the case it was merged into.
            IntakeResult resent = f.intake.submit(second);
            assertThat(resent.outcome()).isEqualTo(Outcome.ALREADY_RECEIVED);
            assertThat(resent.aCase().id()).isEqualTo(fire.id());
            assertThat(f.intake.mergeInto(fire.id(), second).outcome()).isEqualTo(Outcome.ALREADY_RECEIVED);
            assertThat(f.intake.mergedReports(fire.id())).hasSize(1);

            // The caller may also decide it is a separate case.
            CaseReport third = report(NORTH_100M).categoryCode("0606").build();
            assertThat(f.intake.submit(third).outcome()).isEqualTo(Outcome.POSSIBLE_DUPLICATE);
            IntakeResult anyway = f.intake.createAnyway(third);
            assertThat(anyway.outcome()).isEqualTo(Outcome.CREATED);
            assertThat(f.trail(anyway.aCase().id()).get(0).note()).contains("may duplicate");
            assertThat(f.store.db.cases().count()).isEqualTo(2);
        }
    }

    @OnEachStore
    void farLateOtherMajorOrClosedIsNotADuplicate(Backend backend) {
        try (Fixture f = new Fixture(backend)) {
            Case fire = f.intake.submit(report(NORTH).build()).aCase();
            // 400 m away; same place but another major (03 disputes); same place 2 h 1 min later.
            assertThat(f.intake.submit(report(NORTH_400M).build()).outcome()).isEqualTo(Outcome.CREATED);
            assertThat(f.intake.submit(report(NORTH).categoryCode("0301").build()).outcome()).isEqualTo(Outcome.CREATED);
            assertThat(f.intake.submit(report(NORTH).reportedAt(fire.reportedAt().minus(Duration.ofMinutes(121))).build())
                    .outcome()).isEqualTo(Outcome.CREATED);
            // Within 2 h is a duplicate on either side of the report time.
            assertThat(f.intake.submit(report(NORTH_100M).reportedAt(fire.reportedAt().minus(Duration.ofMinutes(119))).build())
                    .outcome()).isEqualTo(Outcome.POSSIBLE_DUPLICATE);
        }
        try (Fixture f = new Fixture(backend)) {
            Case closed = Fixtures.aCase(org.gridcommand.common.Ulid.next(), CaseState.CLOSED, Fixtures.NOW).toBuilder()
                    .categoryCode("0601").location(NORTH).build();
            f.store.db.cases().save(closed);
            assertThat(f.intake.submit(report(NORTH).build()).outcome()).isEqualTo(Outcome.CREATED);
            // Nor can a report be merged into a case that has left the queue.
            assertThatThrownBy(() -> f.intake.mergeInto(closed.id(), report(NORTH).build()))
                    .isInstanceOf(IntakeRejected.class)
                    .hasMessageContaining("caseId: case " + closed.id() + " is CLOSED: cannot merge report");
            assertThat(f.intake.mergedReports(closed.id())).isEmpty();
        }
    }

    @Test
    void mergingIntoAMissingCaseIsRefused() {
        try (Fixture f = new Fixture(Backend.H2)) {
            assertThatThrownBy(() -> f.intake.mergeInto("01NOSUCHCASE00000000000000", report(NORTH).build()))
                    .isInstanceOf(IntakeRejected.class)
                    .satisfies(e -> assertThat(((IntakeRejected) e).fields()).containsExactly("caseId"));
            assertThat(f.store.db.cases().count()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Datum.class, names = {"GCJ02", "BD09"})
    void coordinatesInAChineseDatumAreStoredInWgs84(Datum datum) {
        try (Fixture f = new Fixture(Backend.H2)) {
            double[] shown = ChinaDatums.fromWgs84(NORTH.lon(), NORTH.lat(), datum);
            // The offset is hundreds of metres: without conversion the check below would fail.
            assertThat(new GeoPoint(shown[0], shown[1]).distanceMetres(NORTH)).isGreaterThan(200);
            Case c = f.intake.submit(report(NORTH).at(shown[0], shown[1], datum).build()).aCase();
            assertThat(c.location().distanceMetres(NORTH)).isLessThan(0.5);
            assertThat(c.location().lon()).isCloseTo(NORTH.lon(), within(1e-5));
            assertThat(c.smallGridCode()).isEqualTo("440402001001001");
        }
    }

    @Test
    void settingsComeFromTheAssetFile() throws Exception {
        IntakeSettings shipped = IntakeSettings.loadDefault();
        assertThat(shipped.duplicateDistanceMetres()).isEqualTo(200);
        assertThat(shipped.duplicateWindow()).isEqualTo(Duration.ofHours(2));

        Path dir = TestStores.tempDir();
        try {
            Path file = dir.resolve("intake.json");
            Files.writeString(file, "{\"duplicateDistanceMetres\": 50, \"duplicateWindowMinutes\": 30}");
            assertThat(IntakeSettings.load(file)).isEqualTo(new IntakeSettings(50, Duration.ofMinutes(30)));
            Files.writeString(file, "{\"duplicateDistanceMetres\": -1, \"duplicateWindowMinutes\": 30}");
            assertThatThrownBy(() -> IntakeSettings.load(file)).hasMessageContaining("duplicateDistanceMetres");
        } finally {
            TestStores.deleteTree(dir);
        }
    }

    @Test
    void aSmallerDistanceSettingIsHonoured() {
        try (Fixture f = new Fixture(Backend.H2)) {
            IntakeService strict = new IntakeService(f.store.db.cases(), categories,
                    new LocateService(Fixtures.district()), f.duty, new IntakeSettings(50, Duration.ofHours(2)), f.clock);
            strict.submit(report(NORTH).build());
            assertThat(strict.submit(report(NORTH_100M).build()).outcome()).isEqualTo(Outcome.CREATED);
        }
    }
}
