package org.gridcommand.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.Ulid;
import org.gridcommand.grid.District;
import org.gridcommand.grid.SmallGrid;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoCaseGeneratorTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** 10:40 in Zhuhai on a summer morning. */
    private static final Instant NOW = Instant.parse("2025-07-15T02:40:00Z");
    private static final Instant MIDNIGHT = NOW.atZone(ZONE).toLocalDate().atStartOfDay(ZONE).toInstant();

    private static District district;
    private static CategoryDictionary dict;
    private static List<Case> cases;

    @BeforeAll
    static void generate() {
        district = DemoTestSupport.DEMO.district();
        dict = CategoryDictionary.loadDefault();
        cases = DemoCaseGenerator.generate(DemoTestSupport.DEMO, dict, NOW, 2024);
    }

    private static List<Case> history() {
        return cases.stream().filter(c -> c.reportedAt().isBefore(MIDNIGHT)).toList();
    }

    private static List<Case> today() {
        return cases.stream().filter(c -> !c.reportedAt().isBefore(MIDNIGHT)).toList();
    }

    @Test
    void aboutThirtySevenThousandClosedCasesOverThreeYears() {
        List<Case> history = history();
        assertThat(history).hasSizeBetween(36_500, 37_500);
        Instant threeYearsAgo = ZonedDateTime.ofInstant(NOW, ZONE).minusYears(3).toInstant();
        assertThat(history).allSatisfy(c -> {
            assertThat(c.reportedAt()).isAfter(threeYearsAgo);
            assertThat(c.state()).isIn(CaseState.CLOSED, CaseState.VOIDED);
            assertThat(c.closedAt()).isNotNull().isAfter(c.reportedAt()).isBeforeOrEqualTo(NOW);
            if (c.state() == CaseState.CLOSED) {
                assertThat(c.acceptedAt()).isAfter(c.reportedAt());
                assertThat(c.dispatchedAt()).isAfterOrEqualTo(c.acceptedAt());
                assertThat(c.closedAt()).isAfterOrEqualTo(c.dispatchedAt());
            }
        });
        double closedShare = history.stream().filter(c -> c.state() == CaseState.CLOSED).count() / (double) history.size();
        assertThat(closedShare).isBetween(0.94, 0.98);
        // Some cases take days, urgent ones mostly close within hours.
        assertThat(history).anyMatch(c -> c.closedAt().toEpochMilli() - c.reportedAt().toEpochMilli() > 3L * 86_400_000);
        double urgentHours = history.stream().filter(c -> c.priority() == Priority.URGENT && c.state() == CaseState.CLOSED)
                .mapToLong(c -> c.closedAt().toEpochMilli() - c.reportedAt().toEpochMilli()).average().orElseThrow() / 3_600_000;
        assertThat(urgentHours).isLessThan(4);
    }

    @Test
    void distributionLooksLikeARealCentre() {
        List<Case> history = history();
        long day = history.stream().filter(c -> hour(c) >= 8 && hour(c) < 18).count();
        long night = history.stream().filter(c -> hour(c) >= 22 || hour(c) < 6).count();
        assertThat(day).isGreaterThan(3 * night);

        Map<Channel, Long> byChannel = new EnumMap<>(history.stream().collect(Collectors.groupingBy(Case::channel, Collectors.counting())));
        assertThat(byChannel.keySet()).containsExactlyInAnyOrder(Channel.values());
        long gridWorker = byChannel.get(Channel.GRID_WORKER);
        assertThat(byChannel.values()).allMatch(n -> n <= gridWorker);
        assertThat(gridWorker / (double) history.size()).isBetween(0.50, 0.60);

        long summer = history.stream().filter(c -> month(c) >= 6 && month(c) <= 9).count();
        long winter = history.stream().filter(c -> month(c) == 12 || month(c) <= 3).count();
        assertThat(summer).isGreaterThan(winter);
        long summerFloods = history.stream().filter(c -> c.categoryCode().equals("0603") && month(c) >= 6 && month(c) <= 9).count();
        long otherFloods = history.stream().filter(c -> c.categoryCode().equals("0603")).count() - summerFloods;
        assertThat(summerFloods).isGreaterThan(2 * otherFloods);

        // Hot spots: the busiest grid sees several times the cases of the quietest.
        Map<String, Long> perGrid = history.stream().collect(Collectors.groupingBy(Case::smallGridCode, Collectors.counting()));
        assertThat(perGrid).hasSize(136);
        long max = perGrid.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long min = perGrid.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(max).isGreaterThan(3 * min);

        Set<String> minorCodes = dict.minors().stream().map(c -> c.code()).collect(Collectors.toSet());
        assertThat(cases).allMatch(c -> minorCodes.contains(c.categoryCode()));
        assertThat(cases).allMatch(c -> c.priority() == dict.defaultPriority(c.categoryCode()) || c.priority() == Priority.URGENT);
    }

    @Test
    void todaysQueueIsLiveAndMixed() {
        List<Case> today = today();
        assertThat(today).hasSizeBetween(30, 50);
        assertThat(today).allSatisfy(c -> {
            assertThat(c.reportedAt()).isAfterOrEqualTo(MIDNIGHT).isBeforeOrEqualTo(NOW);
            for (Instant t : new Instant[] {c.acceptedAt(), c.dispatchedAt(), c.closedAt()}) {
                if (t != null) {
                    assertThat(t).isAfterOrEqualTo(c.reportedAt()).isBeforeOrEqualTo(NOW);
                }
            }
            assertThat(c.acceptedAt() == null).isEqualTo(c.state() == CaseState.REPORTED || c.state() == CaseState.VOIDED);
            assertThat(c.closedAt() != null).isEqualTo(!c.state().isOpen());
        });
        Set<CaseState> states = today.stream().map(Case::state).collect(Collectors.toCollection(() -> EnumSet.noneOf(CaseState.class)));
        assertThat(states).contains(CaseState.REPORTED, CaseState.ACCEPTED, CaseState.DISPATCHED, CaseState.IN_HANDLING,
                CaseState.FED_BACK, CaseState.VERIFIED, CaseState.SUSPENDED, CaseState.CLOSED);
        assertThat(today.stream().filter(c -> c.priority() == Priority.URGENT).count()).isGreaterThanOrEqualTo(2);
        List<Case> outside = today.stream().filter(c -> c.smallGridCode() == null).toList();
        assertThat(outside).hasSizeBetween(1, 2);
        assertThat(outside).allSatisfy(c -> {
            assertThat(district.outline().covers(DemoTestSupport.point(c.location().lon(), c.location().lat()))).isFalse();
            assertThat(c.channel()).isEqualTo(Channel.HOTLINE);
        });
        assertThat(history()).allMatch(c -> c.smallGridCode() != null);
    }

    @Test
    void everyCaseLiesInTheGridItNames() {
        STRtree index = new STRtree();
        for (SmallGrid g : district.smallGrids()) {
            index.insert(g.area().getEnvelopeInternal(), Map.entry(g.code().value(), PreparedGeometryFactory.prepare(g.area())));
        }
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            if (c.smallGridCode() == null) {
                continue;
            }
            Point p = DemoTestSupport.point(c.location().lon(), c.location().lat());
            List<String> containing = new ArrayList<>();
            for (Object o : index.query(p.getEnvelopeInternal())) {
                @SuppressWarnings("unchecked")
                Map.Entry<String, PreparedGeometry> g = (Map.Entry<String, PreparedGeometry>) o;
                if (g.getValue().contains(p)) {
                    containing.add(g.getKey());
                }
            }
            if (!containing.equals(List.of(c.smallGridCode()))) {
                wrong.add(c.id() + " names " + c.smallGridCode() + " but lies in " + containing);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void idsAreUniqueTimePrefixedUlids() {
        Set<String> ids = new HashSet<>();
        for (Case c : cases) {
            assertThat(ids.add(c.id())).as(c.id()).isTrue();
            assertThat(Ulid.isValid(c.id())).as(c.id()).isTrue();
            assertThat(decodeTime(c.id())).as(c.id()).isEqualTo(c.reportedAt().toEpochMilli());
        }
    }

    @Test
    void textsAndReportersFitTheChannel() {
        Set<String> workerIds = district.gridWorkers().stream().map(w -> w.id()).collect(Collectors.toSet());
        assertThat(cases).allSatisfy(c -> {
            assertThat(c.address()).startsWith("唐家湾镇");
            assertThat(c.description()).isNotBlank();
            assertThat(c.reportedBy()).isNotBlank();
            if (c.channel() == Channel.GRID_WORKER) {
                assertThat(workerIds).contains(c.reportedBy());
            }
        });
        assertThat(cases.get(0).address()).matches("唐家湾镇\\p{IsHan}+社区 \\p{IsHan}+ \\d+号");
    }

    @Test
    void worksJustAfterMidnight() {
        Instant early = Instant.parse("2025-01-09T16:05:00Z"); // 00:05 local
        List<Case> all = DemoCaseGenerator.generate(DemoTestSupport.DEMO, dict, early, 5);
        Instant midnight = early.atZone(ZONE).toLocalDate().atStartOfDay(ZONE).toInstant();
        List<Case> today = all.stream().filter(c -> !c.reportedAt().isBefore(midnight)).toList();
        assertThat(today).hasSizeBetween(30, 50).allSatisfy(c -> assertThat(c.reportedAt()).isBeforeOrEqualTo(early));
        assertThat(all).allSatisfy(c -> {
            if (c.closedAt() != null) {
                assertThat(c.closedAt()).isBeforeOrEqualTo(early);
            }
        });
    }

    private static int hour(Case c) {
        return c.reportedAt().atZone(ZONE).getHour();
    }

    private static int month(Case c) {
        return c.reportedAt().atZone(ZONE).getMonthValue();
    }

    private static long decodeTime(String ulid) {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        long t = 0;
        for (int i = 0; i < 10; i++) {
            t = (t << 5) | alphabet.indexOf(ulid.charAt(i));
        }
        return t;
    }
}
