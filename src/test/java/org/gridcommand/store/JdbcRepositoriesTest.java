package org.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gridcommand.camera.Camera;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.common.BilingualName;
import org.gridcommand.common.ChangeEvent;
import org.gridcommand.common.ChangeEvent.Kind;
import org.gridcommand.common.Ulid;
import org.gridcommand.directory.Resource;
import org.gridcommand.duty.AuditEntry;
import org.gridcommand.duty.Role;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.District;
import org.gridcommand.grid.DutyStatus;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.store.TestStores.Backend;
import org.gridcommand.store.TestStores.TestStore;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTWriter;

class JdbcRepositoriesTest {

    @OnEachStore
    void districtRoundTripsExactlyAndReplacesTheOldLayout(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            District district = Fixtures.district();
            assertThat(store.db.grids().loadDistrict()).isEmpty();

            store.db.grids().replaceDistrict(district);

            assertThat(store.takeEvents()).containsExactly(new ChangeEvent("district", "440402", Kind.BULK_LOADED));
            assertThat(store.db.isEmpty()).isFalse();
            District loaded = store.db.grids().loadDistrict().orElseThrow();
            // Record equality compares geometries with equalsExact; the WKT check makes a failure readable.
            assertThat(loaded).isEqualTo(district);
            WKTWriter wkt = new WKTWriter();
            assertThat(wkt.write(loaded.outline())).isEqualTo(wkt.write(district.outline()));
            assertThat(loaded.bigGrids().get(1).area().equalsExact(district.bigGrids().get(1).area())).isTrue();
            assertThat(((Polygon) loaded.bigGrids().get(1).area()).getNumInteriorRing()).isEqualTo(1);

            District redrawn = new District(district.adminCode(), district.name(), district.outline(),
                    district.bigGrids(), district.smallGrids(), district.gridHeads(),
                    district.gridWorkers().subList(0, 2));
            store.db.grids().replaceDistrict(redrawn);
            assertThat(store.db.grids().loadDistrict()).contains(redrawn);
            assertThat(store.db.grids().findWorkers()).isEqualTo(redrawn.gridWorkers());
            assertThat(store.takeEvents()).hasSize(1);
        }
    }

    @OnEachStore
    void aBrokenLayoutIsRejectedAndTheOldOneKept(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            District good = Fixtures.district();
            store.db.grids().replaceDistrict(good);
            store.takeEvents();
            // A small grid pointing at a big grid that is not in the layout breaks a foreign key.
            District broken = new District(good.adminCode(), good.name(), good.outline(),
                    List.of(good.bigGrids().get(0)), good.smallGrids(), List.of(), List.of());

            assertThatThrownBy(() -> store.db.grids().replaceDistrict(broken))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("replacing district 440402 failed");
            assertThat(store.db.grids().loadDistrict()).contains(good);
            assertThat(store.takeEvents()).isEmpty();
        }
    }

    @OnEachStore
    void workerDutyAndPositionUpdate(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            District district = Fixtures.district();
            store.db.grids().replaceDistrict(district);
            store.takeEvents();
            GridWorker before = district.gridWorkers().get(1);
            GridWorker after = new GridWorker(before.id(), before.name(), before.phone(), before.smallGrid(),
                    DutyStatus.ON_DUTY, new GeoPoint(113.5512345678912, 22.2812345678912));

            store.db.grids().updateWorker(after);

            assertThat(store.takeEvents()).containsExactly(new ChangeEvent("worker", after.id(), Kind.UPDATED));
            assertThat(store.db.grids().findWorkers()).contains(after).doesNotContain(before).hasSize(4);
            GridWorker offAgain = new GridWorker(after.id(), after.name(), after.phone(), after.smallGrid(),
                    DutyStatus.OFF_DUTY, null);
            store.db.grids().updateWorker(offAgain);
            assertThat(store.db.grids().findWorkers()).contains(offAgain);

            GridWorker stranger = new GridWorker(Ulid.next(), new BilingualName("无名", "Nobody"), null,
                    before.smallGrid(), DutyStatus.ON_DUTY, null);
            assertThatThrownBy(() -> store.db.grids().updateWorker(stranger))
                    .isInstanceOf(StoreException.class).hasMessageContaining(stranger.id());
        }
    }

    @OnEachStore
    void camerasInsertOrReplace(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            List<Camera> cameras = Fixtures.cameras();
            store.db.cameras().saveAll(cameras);

            assertThat(store.takeEvents()).containsExactly(new ChangeEvent("camera", null, Kind.BULK_LOADED));
            assertThat(store.db.cameras().findAll()).containsExactlyInAnyOrderElementsOf(cameras);
            assertThat(store.db.cameras().count()).isEqualTo(3);
            Camera first = cameras.get(0);
            assertThat(store.db.cameras().findById(first.id())).contains(first);
            assertThat(store.db.cameras().findById("nope")).isEmpty();

            Camera turned = new Camera(first.id(), first.name(), first.position(), 90, first.fovDeg(),
                    first.rangeMetres(), first.mainStreamUrl(), first.subStreamUrl(), first.group(), null);
            store.db.cameras().saveAll(List.of(turned));
            assertThat(store.takeEvents()).containsExactly(new ChangeEvent("camera", first.id(), Kind.UPDATED));
            assertThat(store.db.cameras().findById(first.id())).contains(turned);
            assertThat(store.db.cameras().count()).isEqualTo(3);

            Camera added = new Camera(Ulid.next(), new BilingualName("新", "New"), new GeoPoint(113.56, 22.27),
                    0, 60, 100, null, null, null, null);
            store.db.cameras().saveAll(List.of(added));
            assertThat(store.takeEvents()).containsExactly(new ChangeEvent("camera", added.id(), Kind.CREATED));
            assertThat(store.db.cameras().count()).isEqualTo(4);
        }
    }

    @OnEachStore
    void resourcesRoundTrip(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            List<Resource> resources = Fixtures.resources();
            store.db.resources().saveAll(resources);
            assertThat(store.takeEvents()).containsExactly(new ChangeEvent("resource", null, Kind.BULK_LOADED));
            assertThat(store.db.resources().findAll()).containsExactlyInAnyOrderElementsOf(resources);

            store.db.resources().saveAll(resources);
            assertThat(store.db.resources().findAll()).hasSize(3);
        }
    }

    @OnEachStore
    void casesRoundTripIncludingNullGridAndStages(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            Instant now = Fixtures.NOW;
            Case open = Fixtures.aCase(Ulid.next(), CaseState.DISPATCHED, now.minus(Duration.ofDays(40)));
            Case outside = Fixtures.outsideCase(now.minusSeconds(30));
            store.db.cases().insertAll(List.of(open, outside));

            assertThat(store.takeEvents()).containsExactly(new ChangeEvent("case", null, Kind.BULK_LOADED));
            assertThat(store.db.cases().findById(open.id())).contains(open);
            Case loadedOutside = store.db.cases().findById(outside.id()).orElseThrow();
            assertThat(loadedOutside).isEqualTo(outside);
            assertThat(loadedOutside.smallGridCode()).isNull();
            assertThat(loadedOutside.acceptedAt()).isNull();
            assertThat(loadedOutside.address()).isNull();
            assertThat(store.db.cases().count()).isEqualTo(2);

            Case closed = new Case(open.id(), open.channel(), open.categoryCode(), open.location(),
                    open.smallGridCode(), open.address(), open.description(), open.priority(), CaseState.CLOSED,
                    open.reportedAt(), open.acceptedAt(), open.dispatchedAt(), now, open.reportedBy())
                    .toBuilder().number(open.number()).build();
            store.db.cases().save(closed.toBuilder().number(null).build());
            // An update keeps the number the case was stored with.
            assertThat(store.takeEvents()).containsExactly(new ChangeEvent("case", open.id(), Kind.UPDATED));
            assertThat(store.db.cases().findById(open.id())).contains(closed);

            Case fresh = Fixtures.aCase(Ulid.next(), CaseState.REPORTED, now);
            store.db.cases().save(fresh);
            assertThat(store.takeEvents()).containsExactly(new ChangeEvent("case", fresh.id(), Kind.CREATED));
            assertThat(store.db.cases().count()).isEqualTo(3);
        }
    }

    @OnEachStore
    void openOrRecentCasesNewestFirst(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            Instant now = Fixtures.NOW;
            Instant since = now.minus(Duration.ofHours(24));
            Case oldOpen = Fixtures.aCase(Ulid.next(), CaseState.SUSPENDED, now.minus(Duration.ofDays(90)));
            Case oldClosed = Fixtures.aCase(Ulid.next(), CaseState.CLOSED, now.minus(Duration.ofDays(2)));
            Case oldVoided = Fixtures.aCase(Ulid.next(), CaseState.VOIDED, now.minus(Duration.ofDays(3)));
            Case recentClosed = Fixtures.aCase(Ulid.next(), CaseState.CLOSED, now.minus(Duration.ofHours(3)));
            Case exactlySince = Fixtures.aCase(Ulid.next(), CaseState.VOIDED, since);
            Case justBefore = Fixtures.aCase(Ulid.next(), CaseState.CLOSED, since.minusNanos(1_000));
            Case recentOpen = Fixtures.aCase(Ulid.next(), CaseState.IN_HANDLING, now.minus(Duration.ofMinutes(5)));
            Case newestOutside = Fixtures.outsideCase(now);
            store.db.cases().insertAll(List.of(oldOpen, oldClosed, oldVoided, recentClosed, exactlySince,
                    justBefore, recentOpen, newestOutside));

            List<Case> queue = store.db.cases().findOpenOrReportedSince(since);

            assertThat(queue).containsExactly(newestOutside, recentOpen, recentClosed, exactlySince, oldOpen);
        }
    }

    @OnEachStore
    void aFailedBatchLeavesNothingBehind(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            List<Case> cases = new ArrayList<>(Fixtures.generatedCases(2_500, 7));
            cases.add(cases.get(10)); // duplicate key in the third JDBC batch

            assertThatThrownBy(() -> store.db.cases().insertAll(cases))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("inserting 2501 case(s) failed");
            assertThat(store.db.cases().count()).isZero();
            assertThat(store.takeEvents()).isEmpty();
        }
    }

    @OnEachStore
    void auditTrailNewestFirst(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            Instant now = Fixtures.NOW;
            AuditEntry login = new AuditEntry(Ulid.next(), now.minusSeconds(120), "张值班", Role.DUTY_OFFICER,
                    "login", null, null);
            AuditEntry accept = new AuditEntry(Ulid.next(), now.minusSeconds(60), "张值班", Role.DUTY_OFFICER,
                    "case.accept", "01J0CASE0000000000000000000", "受理 / accepted");
            AuditEntry plan = new AuditEntry(Ulid.next(), now, "李主任", Role.SHIFT_SUPERVISOR,
                    "plan.start", "fire-residential", "{\"level\":\"IV\"}");
            for (AuditEntry e : List.of(login, accept, plan)) {
                store.db.audit().append(e);
            }

            assertThat(store.takeEvents()).containsExactly(
                    new ChangeEvent("audit", login.id(), Kind.CREATED),
                    new ChangeEvent("audit", accept.id(), Kind.CREATED),
                    new ChangeEvent("audit", plan.id(), Kind.CREATED));
            assertThat(store.db.audit().findRecent(2)).containsExactly(plan, accept);
            assertThat(store.db.audit().findRecent(10)).containsExactly(plan, accept, login);
            assertThatThrownBy(() -> store.db.audit().append(login))
                    .isInstanceOf(StoreException.class).hasMessageContaining("appending audit entry login failed");
        }
    }

    @OnEachStore
    void anyDoubleCoordinateSurvivesWkt(Backend backend) {
        try (TestStore store = TestStores.open(backend)) {
            Random random = new Random(42);
            List<BigGrid> grids = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                double west = 73 + random.nextDouble() * 60;
                double south = 3 + random.nextDouble() * 50;
                grids.add(new BigGrid(String.format("440402001%03d", i), new BilingualName("g" + i, "g" + i),
                        Fixtures.box(west, south, west + random.nextDouble(), south + random.nextDouble() * 1e-7)));
            }
            District district = new District("440402", new BilingualName("区", "District"), null, grids,
                    List.of(), List.of(), List.of());
            store.db.grids().replaceDistrict(district);
            assertThat(store.db.grids().loadDistrict()).contains(district);
        }
    }
}
