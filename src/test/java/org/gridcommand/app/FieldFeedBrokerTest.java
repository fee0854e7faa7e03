package org.gridcommand.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.Channel;
import org.gridcommand.feed.FeedIngest;
import org.gridcommand.feed.FeedTopic;
import org.gridcommand.feed.MessageKey;
import org.gridcommand.feed.QuarantineReason;
import org.gridcommand.feed.Quarantined;
import org.gridcommand.feed.Sensor;
import org.gridcommand.feed.SensorRegistry;
import org.gridcommand.feed.mqtt.MqttPublisher;
import org.gridcommand.feed.mqtt.MqttSettings;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.testing.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * The field feed end to end on the real Mosquitto at 127.0.0.1:1883 and a real H2 demo store: a report sent
 * with the mosquitto_pub tool becomes a located case in the queue; thousands of bad messages are
 * quarantined, each with a reason, while good traffic goes on.
 */
@Tag("broker")
class FieldFeedBrokerTest {
    private static final String BROKER = "tcp://127.0.0.1:1883";
    private static Path dir;
    private static AppContext context;
    private static FieldFeed feed;
    private static String district;

    @BeforeAll
    static void openSeat() throws Exception {
        dir = Files.createTempDirectory("gc-feed-broker");
        context = AppContext.openDemo(dir, Locale.ENGLISH, Clock.systemUTC());
        district = context.district().adminCode();
        feed = FieldFeed.open(context, SensorRegistry.loadDemo(), FeedIngest.Settings.DEFAULT, stored -> { });
        feed.connect(new MqttSettings(BROKER, "gc-test-seat-" + UUID.randomUUID().toString().substring(0, 8), null,
                null, FeedTopic.subscription(district)));
    }

    @AfterAll
    static void closeSeat() throws Exception {
        feed.close();
        context.close();
    }

    @Test
    void aReportPublishedWithMosquittoPubAppearsInTheQueueLocatedToItsGrid() throws Exception {
        GridWorker worker = context.district().gridWorkers().get(7);
        SmallGrid grid = context.district().smallGrids().stream().filter(g -> g.code().equals(worker.smallGrid()))
                .findFirst().orElseThrow();
        Coordinate inside = grid.area().getInteriorPoint().getCoordinate();
        String id = "test-" + UUID.randomUUID();
        String payload = String.format(Locale.ROOT, "{\"v\":1,\"id\":\"%s\",\"workerId\":\"%s\",\"at\":\"%s\","
                + "\"category\":\"0101\",\"lon\":%.7f,\"lat\":%.7f,\"description\":\"Manhole cover missing\"}",
                id, worker.id(), Instant.now().truncatedTo(ChronoUnit.SECONDS), inside.x, inside.y);
        Process pub = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", "1883", "-q", "1",
                "-t", FeedTopic.of(district, FeedTopic.Kind.REPORT, worker.id()).topic(), "-m", payload)
                .redirectErrorStream(true).start();
        assertThat(pub.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(pub.exitValue()).as(new String(pub.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();

        String reportId = new MessageKey(worker.id(), id).reportId();
        waitUntil("the report's case is in the store",
                () -> context.database().cases().findByReportId(reportId).isPresent());
        Case c = context.database().cases().findByReportId(reportId).orElseThrow();
        assertThat(c.channel()).isEqualTo(Channel.GRID_WORKER);
        assertThat(c.smallGridCode()).isEqualTo(grid.code().value());
        // The trail names the worker who reported, through the field feed, not whoever is on duty at the seat.
        org.gridcommand.cases.CaseEvent reported = context.caseService().trail(c.id()).get(0);
        assertThat(reported.actorKind()).isEqualTo(org.gridcommand.duty.ActorKind.WORKER);
        assertThat(reported.operatorName()).isEqualTo(worker.id());
        assertThat(reported.role()).isNull();
        assertThat(reported.note()).contains("received via field feed, topic "
                + FeedTopic.of(district, FeedTopic.Kind.REPORT, worker.id()).topic() + ", message " + id);
        assertThat(c.categoryCode()).isEqualTo("0101");
        assertThat(context.todaysQueue()).extracting(Case::id).contains(c.id());
    }

    @Test
    void twoDevicesSendingTheSameMessageIdThroughTheBrokerAreBothKept() throws Exception {
        GridWorker a = context.district().gridWorkers().get(17);
        GridWorker b = context.district().gridWorkers().get(18);
        // The protocol's own suggestion, a counter, makes such collisions likely between phones.
        String id = "000001-" + UUID.randomUUID().toString().substring(0, 8);
        String at = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS).toString();
        for (GridWorker w : List.of(a, b)) {
            SmallGrid grid = context.district().smallGrids().stream().filter(g -> g.code().equals(w.smallGrid()))
                    .findFirst().orElseThrow();
            Coordinate inside = grid.area().getInteriorPoint().getCoordinate();
            for (FeedTopic.Kind kind : List.of(FeedTopic.Kind.GPS, FeedTopic.Kind.REPORT)) {
                String payload = kind == FeedTopic.Kind.GPS
                        ? String.format(Locale.ROOT, "{\"v\":1,\"id\":\"%s\",\"workerId\":\"%s\",\"at\":\"%s\","
                                + "\"lon\":%.7f,\"lat\":%.7f}", id, w.id(), at, inside.x, inside.y)
                        : String.format(Locale.ROOT, "{\"v\":1,\"id\":\"%s\",\"workerId\":\"%s\",\"at\":\"%s\","
                                + "\"category\":\"0102\",\"lon\":%.7f,\"lat\":%.7f,\"description\":\"路灯不亮\"}", id, w.id(),
                                at, inside.x, inside.y);
                Process pub = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", "1883", "-q", "1",
                        "-t", FeedTopic.of(district, kind, w.id()).topic(), "-m", payload).redirectErrorStream(true).start();
                assertThat(pub.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(pub.exitValue()).isZero();
            }
        }
        List<MessageKey> fixes = List.of(new MessageKey(a.id(), id), new MessageKey(b.id(), id));
        waitUntil("both fixes stored", () -> context.database().feed().received(fixes).size() == 2);
        waitUntil("both reports are cases", () -> context.database().cases().findByReportId(a.id() + "/" + id).isPresent()
                && context.database().cases().findByReportId(b.id() + "/" + id).isPresent());
        assertThat(context.database().cases().findByReportId(a.id() + "/" + id).orElseThrow().reportedBy()).isEqualTo(a.id());
        assertThat(context.database().cases().findByReportId(b.id() + "/" + id).orElseThrow().reportedBy()).isEqualTo(b.id());
    }

    @Test
    void aSmokeAlarmOpensAFireCaseAtTheSensorAndItsRepeatIsMergedIntoIt() throws Exception {
        SensorRegistry sensors = SensorRegistry.loadDemo();
        Sensor smoke = sensors.sensors().stream().filter(s -> s.kind().equals("smoke")).findFirst().orElseThrow();
        String first = "alarm-" + UUID.randomUUID();
        String second = "alarm-" + UUID.randomUUID();
        try (MqttPublisher publisher = new MqttPublisher(BROKER, "gc-test-alarm-" + first.substring(6, 14), null, null, 10)) {
            for (String id : List.of(first, second)) {
                String alarm = String.format(Locale.ROOT, "{\"v\":1,\"id\":\"%s\",\"sensorId\":\"%s\",\"at\":\"%s\","
                        + "\"kind\":\"smoke\",\"value\":12.5,\"unit\":\"%%/m\"}", id, smoke.id(),
                        Instant.now().truncatedTo(ChronoUnit.SECONDS));
                publisher.publish(FeedTopic.of(district, FeedTopic.Kind.ALARM, smoke.id()).topic(),
                        alarm.getBytes(StandardCharsets.UTF_8));
                if (id.equals(first)) {
                    waitUntil("the first alarm's case",
                            () -> context.database().cases().findByReportId(smoke.id() + "/" + first).isPresent());
                }
            }
        }
        waitUntil("the second alarm is kept",
                () -> context.database().feed().received(List.of(new MessageKey(smoke.id(), second))).size() == 1);
        Case fire = context.database().cases().findByReportId(smoke.id() + "/" + first).orElseThrow();
        assertThat(fire.channel()).isEqualTo(Channel.SENSOR);
        assertThat(fire.categoryCode()).isEqualTo("0602");
        assertThat(fire.location().distanceMetres(smoke.position())).isLessThan(0.01);
        if (smoke.smallGrid() != null) {
            assertThat(fire.smallGridCode()).isEqualTo(smoke.smallGrid().value());
        }
        assertThat(context.database().cases().findByReportId(smoke.id() + "/" + second)).map(Case::id).contains(fire.id());
        assertThat(context.intake().mergedReports(fire.id())).hasSize(1);
    }

    @Test
    void tenThousandBadMessagesAreQuarantinedWithReasonsWhileGoodTrafficContinues() throws Exception {
        String worker = context.district().gridWorkers().get(3).id();
        GridWorker w = context.district().gridWorkers().get(3);
        long quarantinedBefore = context.database().feed().quarantineCount();
        long base = feed.stats().received();
        Instant start = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        String run = UUID.randomUUID().toString().substring(0, 8);
        int bad = 10_000;
        int good = 400;
        List<String> goodIds = new ArrayList<>();
        try (MqttPublisher publisher = new MqttPublisher(BROKER, "gc-test-pub-" + run, null, null, 200)) {
            int goodSent = 0;
            for (int i = 0; i < bad; i++) {
                String[] broken = brokenMessage(i, run, worker);
                publisher.publish(broken[0], broken[1].getBytes(StandardCharsets.UTF_8));
                if (i % 25 == 0 && goodSent < good) {
                    String id = run + "-good-" + goodSent;
                    // A slow walk north, one fix every 5 s: never a jump.
                    String fix = String.format(Locale.ROOT, "{\"v\":1,\"id\":\"%s\",\"workerId\":\"%s\",\"at\":\"%s\","
                            + "\"lon\":%.7f,\"lat\":%.7f}", id, worker, start.plusSeconds(5L * goodSent),
                            w.lastPosition().lon(), w.lastPosition().lat() + goodSent * 0.00002);
                    publisher.publish(FeedTopic.of(district, FeedTopic.Kind.GPS, worker).topic(),
                            fix.getBytes(StandardCharsets.UTF_8));
                    goodIds.add(id);
                    goodSent++;
                }
                // This Mosquitto runs with its defaults, which drop QoS 1 messages for a session with more than
                // 1,000 queued (see docs/field-protocol.md, broker settings): stay well below that.
                if (i % 100 == 99) {
                    int sent = i + 1 + goodSent;
                    waitUntil("the seat keeps up", () -> feed.stats().received() >= base + sent - 100);
                }
            }
            publisher.flush(30_000);
        }
        waitUntil("all bad messages quarantined", () ->
                context.database().feed().quarantineCount() - quarantinedBefore >= bad);
        List<MessageKey> goodKeys = goodIds.stream().map(id -> new MessageKey(worker, id)).toList();
        waitUntil("all good fixes stored", () -> context.database().feed().received(goodKeys).size() == goodIds.size());
        assertThat(context.database().feed().quarantineCount() - quarantinedBefore).isEqualTo(bad);
        List<Quarantined> newest = context.database().feed().quarantine(bad);
        assertThat(newest).hasSize(bad).allSatisfy(q -> {
            assertThat(q.reason()).isNotNull();
            assertThat(q.detail()).isNotBlank();
            assertThat(q.payload()).isNotEmpty();
        });
        assertThat(newest).extracting(Quarantined::reason).containsOnly(QuarantineReason.MALFORMED_JSON,
                QuarantineReason.SCHEMA_VIOLATION, QuarantineReason.UNKNOWN_WORKER,
                QuarantineReason.IMPLAUSIBLE_COORDINATES, QuarantineReason.UNKNOWN_TOPIC);
        assertThat(context.database().feed().track(worker, start, start.plusSeconds(5L * good + 1)))
                .hasSize(good);
    }

    /** Five kinds of broken message, in turn. */
    private static String[] brokenMessage(int i, String run, String worker) {
        String id = run + "-bad-" + i;
        // Recent, so that the time window passes and the intended reason is the one found.
        String at = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString();
        String gps = FeedTopic.of(district, FeedTopic.Kind.GPS, worker).topic();
        return switch (i % 5) {
            case 0 -> new String[] {gps, "{\"v\":1,\"id\":\"" + id + "\",\"workerId\""};
            case 1 -> new String[] {gps, "{\"v\":1,\"id\":\"" + id + "\",\"workerId\":\"" + worker + "\",\"lon\":113.5}"};
            case 2 -> new String[] {FeedTopic.of(district, FeedTopic.Kind.GPS, "W9999").topic(),
                "{\"v\":1,\"id\":\"" + id + "\",\"workerId\":\"W9999\",\"at\":\"" + at + "\",\"lon\":113.5,\"lat\":22.3}"};
            case 3 -> new String[] {gps, "{\"v\":1,\"id\":\"" + id + "\",\"workerId\":\"" + worker
                + "\",\"at\":\"" + at + "\",\"lon\":22.36,\"lat\":113.58}"};
            default -> new String[] {"gc/v1/" + district + "/position/" + worker, "{}"};
        };
    }

    private static void waitUntil(String what, BooleanSupplier condition) {
        Wait.until(() -> what + "; feed " + feed.stats(), Duration.ofMinutes(2), condition);
    }
}
