package org.gridcommand.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gridcommand.feed.FeedFixtures.CODE;
import static org.gridcommand.feed.FeedFixtures.NOW;
import static org.gridcommand.feed.FeedFixtures.json;
import static org.gridcommand.feed.FeedFixtures.topic;
import static org.gridcommand.feed.FeedFixtures.utf8;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridcommand.cases.CaseReport;
import org.gridcommand.cases.CaseRepository;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.EmergencyClass;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.cases.FieldProblem;
import org.gridcommand.cases.IntakeService;
import org.gridcommand.cases.IntakeSettings;
import org.gridcommand.cases.Priority;
import org.gridcommand.geo.ChinaDatums;
import org.gridcommand.geo.Datum;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.LocateService;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class FeedParserTest {
    private static final String GPS = json("{'v':1,'id':'G1','workerId':'W0001','at':'2026-03-02T08:44:30+08:00',"
            + "'lon':113.5712,'lat':22.3688,'accuracy':6.5}");

    private final Map<String, GpsFix> last = new HashMap<>();
    private final FeedParser parser = FeedFixtures.parser(last);

    // ---------------------------------------------------------------- accepted messages

    @Test
    void aGpsFixInWgs84IsKeptAsSentInUtc() {
        GpsFix fix = (GpsFix) accepted("gps", "W0001", GPS);
        assertThat(fix).isEqualTo(new GpsFix("G1", "W0001", Instant.parse("2026-03-02T00:44:30Z"),
                new GeoPoint(113.5712, 22.3688), 6.5));
        GpsFix noAccuracy = (GpsFix) accepted("gps", "W0001", GPS.replace(",\"accuracy\":6.5", ""));
        assertThat(noAccuracy.accuracyMetres()).isNaN();
    }

    @Test
    void gcj02AndBd09AreConvertedToWgs84WithThePublicVector() {
        // The public test vector is in Beijing: a parser whose plausible region is around it.
        PlausibleRegion beijing = PlausibleRegion.around(new Envelope(116.3, 116.5, 39.8, 40.0), 50);
        FeedParser p = new FeedParser(parser.settings().withRegion(beijing), FeedFixtures.SCHEMAS, w -> true,
                FeedFixtures.SENSORS, w -> Optional.empty());
        GpsFix fix = (GpsFix) accepted(p, "gps", "W0001", json("{'v':1,'id':'G2','workerId':'W0001',"
                + "'at':'2026-03-02T08:00:00+08:00','lon':116.41024449916938,'lat':39.91640428150164,'datum':'gcj02'}"));
        assertThat(fix.position().lon()).isCloseTo(116.404, within(1e-7));
        assertThat(fix.position().lat()).isCloseTo(39.915, within(1e-7));

        double[] bd = ChinaDatums.fromWgs84(116.404, 39.915, Datum.BD09);
        GpsFix fromBaidu = (GpsFix) accepted(p, "gps", "W0001", json("{'v':1,'id':'G3','workerId':'W0001',"
                + "'at':'2026-03-02T08:00:00+08:00','lon':" + bd[0] + ",'lat':" + bd[1] + ",'datum':'bd09'}"));
        assertThat(fromBaidu.position().distanceMetres(new GeoPoint(116.404, 39.915))).isLessThan(0.01);
    }

    @Test
    void gcj02InTheDemoDistrictLandsOnTheWgs84Point() {
        double[] gcj = ChinaDatums.wgs84ToGcj02(113.5712, 22.3688);
        assertThat(gcj[0] - 113.5712).as("GCJ-02 is offset by hundreds of metres here").isGreaterThan(0.003);
        GpsFix fix = (GpsFix) accepted("gps", "W0001", json("{'v':1,'id':'G4','workerId':'W0001',"
                + "'at':'2026-03-02T08:44:30+08:00','lon':" + gcj[0] + ",'lat':" + gcj[1] + ",'datum':'gcj02'}"));
        assertThat(fix.position().distanceMetres(new GeoPoint(113.5712, 22.3688))).isLessThan(0.01);
        GpsFix cgcs = (GpsFix) accepted("gps", "W0001", GPS.replace("\"accuracy\"", "\"datum\":\"cgcs2000\",\"accuracy\""));
        assertThat(cgcs.position()).isEqualTo(new GeoPoint(113.5712, 22.3688));
    }

    @Test
    void statusMessagesSayOnOrOffDuty() {
        WorkerStatus on = (WorkerStatus) accepted("status", "W0002", json("{'v':1,'id':'W0002:1','workerId':'W0002',"
                + "'at':'2026-03-02T08:30:00+08:00','state':'on_duty'}"));
        assertThat(on).isEqualTo(new WorkerStatus("W0002:1", "W0002", Instant.parse("2026-03-02T00:30:00Z"), true));
        WorkerStatus off = (WorkerStatus) accepted("status", "W0002", json("{'v':1,'id':'W0002:2','workerId':'W0002',"
                + "'at':'2026-03-02T00:31:00.5Z','state':'off_duty'}"));
        assertThat(off.onDuty()).isFalse();
        assertThat(off.at()).isEqualTo(Instant.parse("2026-03-02T00:31:00.500Z"));
    }

    @Test
    void aReportBecomesAGridWorkerCaseReportKeyedByTheMessageId() {
        double[] gcj = ChinaDatums.wgs84ToGcj02(113.5841, 22.3622);
        FieldReport r = (FieldReport) accepted("report", "W0003", json("{'v':1,'id':'01JNQ8ZK4T0W0003R0000001',"
                + "'workerId':'W0003','at':'2026-03-02T08:45:12+08:00','category':'0101','lon':" + gcj[0] + ",'lat':"
                + gcj[1] + ",'datum':'gcj02','address':'山房路 12 号','description':'  井盖缺失 / cover missing ',"
                + "'priority':'urgent','eventClass':'accident_disaster','level':'IV','attachments':[{'name':'a.jpg',"
                + "'mediaType':'image/jpeg','size':1000,'sha256':'" + "ab".repeat(32) + "'}]}"));
        assertThat(r.messageId()).isEqualTo("01JNQ8ZK4T0W0003R0000001");
        assertThat(r.workerId()).isEqualTo("W0003");
        assertThat(r.at()).isEqualTo(Instant.parse("2026-03-02T00:45:12Z"));
        CaseReport c = r.report();
        assertThat(c.channel()).isEqualTo(Channel.GRID_WORKER);
        // Keyed by sender and id: another device's message with the same id is another report.
        assertThat(c.reportId()).isEqualTo("W0003/" + r.messageId());
        assertThat(c.receivedVia()).isEqualTo("field feed, topic gc/v1/440402/report/W0003, message " + r.messageId());
        assertThat(c.reportedBy()).isEqualTo("W0003");
        assertThat(c.reportedAt()).isEqualTo(r.at());
        assertThat(c.categoryCode()).isEqualTo("0101");
        assertThat(c.datum()).isEqualTo(Datum.WGS84);
        assertThat(new GeoPoint(c.lon(), c.lat()).distanceMetres(new GeoPoint(113.5841, 22.3622))).isLessThan(0.01);
        assertThat(c.address()).isEqualTo("山房路 12 号");
        assertThat(c.description()).isEqualTo("井盖缺失 / cover missing");
        assertThat(c.priority()).isEqualTo(Priority.URGENT);
        assertThat(c.eventClass()).isEqualTo(EmergencyClass.ACCIDENT_DISASTER);
        assertThat(c.level()).isEqualTo(EmergencyLevel.IV);
        assertThat(c.attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("a.jpg");
            assertThat(a.sizeBytes()).isEqualTo(1000);
            assertThat(a.sha256()).isEqualTo("ab".repeat(32));
        });

        FieldReport minimal = (FieldReport) accepted("report", "W0003", json("{'v':1,'id':'R2','workerId':'W0003',"
                + "'at':'2026-03-02T08:45:12+08:00','category':'0102','lon':113.5841,'lat':22.3622,'description':'x'}"));
        assertThat(minimal.report().priority()).isNull();
        assertThat(minimal.report().address()).isNull();
        assertThat(minimal.report().attachments()).isEmpty();
    }

    @Test
    void anAlarmTakesTheSensorsKindAndRegisteredPositionUnlessItSendsOne() {
        Sensor s1 = FeedFixtures.SENSORS.find("S0001").orElseThrow();
        SensorAlarm a = (SensorAlarm) accepted("alarm", "S0001", json("{'v':1,'id':'S0001:17','sensorId':'S0001',"
                + "'at':'2026-03-02T08:44:58+08:00','kind':'smoke','value':12.5,'unit':'%/m'}"));
        assertThat(a).isEqualTo(new SensorAlarm("S0001:17", "S0001", Instant.parse("2026-03-02T00:44:58Z"), "smoke",
                s1.position(), 12.5, "%/m"));
        double[] bd = ChinaDatums.fromWgs84(113.5712, 22.3688, Datum.BD09);
        SensorAlarm moved = (SensorAlarm) accepted("alarm", "S0025", json("{'v':1,'id':'S0025:1','sensorId':'S0025',"
                + "'at':'2026-03-02T08:44:58+08:00','kind':'water_level','lon':" + bd[0] + ",'lat':" + bd[1]
                + ",'datum':'bd09'}"));
        assertThat(moved.position().distanceMetres(new GeoPoint(113.5712, 22.3688))).isLessThan(0.01);
        assertThat(moved.value()).isNaN();
        assertThat(moved.unit()).isNull();
    }

    @Test
    void aFixOlderThanTheLastOneIsNotAJumpAndSlowMovesPass() {
        GpsFix first = (GpsFix) accepted("gps", "W0001", GPS);
        last.put("W0001", first);
        // 5 km away but sent late from the offline buffer, an hour before the last fix: stored in its place.
        accepted("gps", "W0001", json("{'v':1,'id':'G-old','workerId':'W0001','at':'2026-03-02T07:44:30+08:00',"
                + "'lon':113.6212,'lat':22.3688}"));
        // 600 m in 60 s = 36 km/h: an e-bike.
        accepted("gps", "W0001", json("{'v':1,'id':'G-next','workerId':'W0001','at':'2026-03-02T08:45:30+08:00',"
                + "'lon':113.5770,'lat':22.3688}"));
        // Scatter: 80 m with no time between.
        accepted("gps", "W0001", json("{'v':1,'id':'G-same','workerId':'W0001','at':'2026-03-02T08:44:30+08:00',"
                + "'lon':113.5719,'lat':22.3688}"));
    }

    // ---------------------------------------------------------------- quarantine, one reason at a time

    @Test
    void unknownTopics() {
        String gps = GPS;
        assertThat(rejected(QuarantineReason.UNKNOWN_TOPIC, "gc/v1/" + CODE + "/position/W0001", gps))
                .isEqualTo("topic: message kind 'position' in 'gc/v1/440402/position/W0001' is not one of report, gps, status, alarm");
        assertThat(rejected(QuarantineReason.UNKNOWN_TOPIC, "gc/v1/110101/gps/W0001", gps))
                .isEqualTo("topic: district '110101' in 'gc/v1/110101/gps/W0001' is not this console's (440402)");
        assertThat(rejected(QuarantineReason.UNKNOWN_TOPIC, "gc/v2/" + CODE + "/gps/W0001", gps))
                .contains("protocol version 'v2'");
        assertThat(rejected(QuarantineReason.UNKNOWN_TOPIC, "gps/W0001", gps))
                .isEqualTo("topic: 'gps/W0001' is not a field-protocol topic (gc/v1/<district>/<kind>/<id>)");
        assertThat(rejected(QuarantineReason.UNKNOWN_TOPIC, "gc/v1/" + CODE + "/gps/W0001/extra", gps)).contains("not a field-protocol topic");
        assertThat(rejected(QuarantineReason.UNKNOWN_TOPIC, "gc/v1/" + CODE + "/gps/W 1", gps)).contains("sender id 'W 1'");
        assertThat(rejected(QuarantineReason.UNKNOWN_TOPIC, null, gps)).isEqualTo("topic: no topic");
    }

    @Test
    void malformedJson() {
        String t = topic("gps", "W0001");
        assertThat(rejected(QuarantineReason.MALFORMED_JSON, t, "{\"v\":1,\"id\":")).startsWith("gps: not JSON: Unexpected end-of-input")
                .contains("line 1, column");
        assertThat(rejected(QuarantineReason.MALFORMED_JSON, t, "lat=22.3")).startsWith("gps: not JSON: Unrecognized token 'lat'");
        assertThat(rejected(QuarantineReason.MALFORMED_JSON, t, "")).isEqualTo("gps: empty payload");
        assertThat(rejected(QuarantineReason.MALFORMED_JSON, t, "   ")).isEqualTo("gps: no JSON value in the payload");
        assertThat(rejected(QuarantineReason.MALFORMED_JSON, t, GPS + " {}")).contains("Trailing token");
        assertThat(rejected(QuarantineReason.MALFORMED_JSON, t, GPS.replace("\"accuracy\":6.5", "\"lat\":22.1")))
                .contains("Duplicate field 'lat'");
        assertThat(rejected(QuarantineReason.MALFORMED_JSON, t, "\uFEFF" + GPS)).contains("byte-order mark");
        byte[] latin1 = GPS.replace("\"accuracy\":6.5", "\"x\":\"caf\u00e9\"").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Quarantined q = rejected(t, latin1);
        assertThat(q.reason()).isEqualTo(QuarantineReason.MALFORMED_JSON);
        assertThat(q.detail()).startsWith("gps: payload is not UTF-8 (bad byte 0xe9 at offset ");
        assertThat(q.payload()).isEqualTo(latin1);
        String huge = "[" + "0,".repeat(40_000) + "0]";
        assertThat(rejected(QuarantineReason.OVERSIZED, t, huge)).isEqualTo(
                "gps: payload is 80,003 bytes; at most 65,536 are read (its first 4,096 bytes, size and SHA-256 are kept)");
        Quarantined oversized = rejected(t, utf8(huge));
        assertThat(oversized.payload()).hasSize(Quarantined.KEPT_BYTES);
        assertThat(oversized.payloadSize()).isEqualTo(80_003);
        assertThat(oversized.senderId()).isEqualTo("W0001");
        assertThat(rejected(QuarantineReason.MALFORMED_JSON, t, "[".repeat(5_000) + "]".repeat(5_000))).startsWith("gps: not JSON");
        Quarantined none = rejected(t, null);
        assertThat(none.detail()).isEqualTo("gps: empty payload");
        assertThat(none.payload()).isEmpty();
    }

    @Test
    void schemaViolations() {
        String t = topic("gps", "W0001");
        assertThat(rejected(QuarantineReason.SCHEMA_VIOLATION, t, GPS.replace(",\"lat\":22.3688", "")))
                .startsWith("gps: ").contains("lat").contains("required");
        assertThat(rejected(QuarantineReason.SCHEMA_VIOLATION, t, GPS.replace("22.3688", "\"22.3688\"")))
                .startsWith("gps: ").contains("/lat").contains("string").contains("number");
        assertThat(rejected(QuarantineReason.SCHEMA_VIOLATION, t, GPS.replace("\"accuracy\"", "\"speed\":3,\"accuracy\"")))
                .contains("speed");
        assertThat(rejected(QuarantineReason.SCHEMA_VIOLATION, t, GPS.replace("\"v\":1", "\"v\":2")))
                .isEqualTo("gps: v 2 is not a message version this console reads (1)");
        assertThat(rejected(QuarantineReason.SCHEMA_VIOLATION, t, GPS.replace("\"v\":1,", ""))).contains("v").contains("required");
        assertThat(rejected(QuarantineReason.SCHEMA_VIOLATION, t, GPS.replace("\"workerId\":\"W0001\"", "\"workerId\":\"W0002\"")))
                .isEqualTo("gps: workerId W0002 does not match the topic's W0001 (gc/v1/440402/gps/W0001)");
        assertThat(rejected(QuarantineReason.SCHEMA_VIOLATION, t, GPS.replace("2026-03-02T08:44:30+08:00", "2026-03-02 08:44:30")))
                .contains("/at");
        assertThat(rejected(QuarantineReason.SCHEMA_VIOLATION, t, GPS.replace("2026-03-02T08:44:30+08:00", "2026-13-02T08:44:30+08:00")))
                .startsWith("gps: at '2026-13-02T08:44:30+08:00' is not a date-time");
        assertThat(rejected(QuarantineReason.SCHEMA_VIOLATION, t, "[1,2]")).isEqualTo("gps: the payload is a JSON array, not an object");
        assertThat(rejected(QuarantineReason.SCHEMA_VIOLATION, t, GPS.replace("\"G1\"", "\"" + "x".repeat(65) + "\"")))
                .contains("/id");
        assertThat(rejected(QuarantineReason.SCHEMA_VIOLATION, t, GPS.replace("6.5", "-1"))).contains("/accuracy");
        String level = json("{'v':1,'id':'R1','workerId':'W0001','at':'2026-03-02T08:45:12+08:00','category':'0101',"
                + "'lon':113.58,'lat':22.36,'description':'x','level':'II'}");
        assertThat(rejected(QuarantineReason.SCHEMA_VIOLATION, topic("report", "W0001"), level))
                .startsWith("report: ").contains("eventClass");
        assertThat(rejected(QuarantineReason.SCHEMA_VIOLATION, topic("report", "W0001"), level.replace(",\"level\":\"II\"", "")
                .replace("\"x\"", "\"   \""))).isEqualTo("report: /description: '   ' does not match the regex pattern \\S");
        String alarm = json("{'v':1,'id':'A1','sensorId':'S0001','at':'2026-03-02T08:44:58+08:00','kind':'smoke','value':3}");
        assertThat(rejected(QuarantineReason.SCHEMA_VIOLATION, topic("alarm", "S0001"), alarm)).startsWith("alarm: ").contains("unit");
        String status = json("{'v':1,'id':'S1','workerId':'W0001','at':'2026-03-02T08:44:58+08:00','state':'resting'}");
        assertThat(rejected(QuarantineReason.SCHEMA_VIOLATION, topic("status", "W0001"), status)).startsWith("status: ").contains("/state");
    }

    @Test
    void unknownWorkersAndSensors() {
        assertThat(rejected(QuarantineReason.UNKNOWN_WORKER, topic("gps", "W9999"), GPS.replace("W0001", "W9999")))
                .isEqualTo("gps: workerId W9999 is not a grid worker of district 440402");
        assertThat(rejected(QuarantineReason.UNKNOWN_WORKER, topic("status", "X1"), json("{'v':1,'id':'S1','workerId':'X1',"
                + "'at':'2026-03-02T08:44:58+08:00','state':'on_duty'}"))).isEqualTo("status: workerId X1 is not a grid worker of district 440402");
        String alarm = json("{'v':1,'id':'A1','sensorId':'S9999','at':'2026-03-02T08:44:58+08:00','kind':'smoke'}");
        assertThat(rejected(QuarantineReason.UNKNOWN_SENSOR, topic("alarm", "S9999"), alarm))
                .isEqualTo("alarm: sensorId S9999 is not a registered sensor of district 440402");
        assertThat(rejected(QuarantineReason.UNKNOWN_SENSOR, topic("alarm", "S0001"), alarm.replace("S9999", "S0001").replace("smoke", "gas")))
                .isEqualTo("alarm: kind gas does not match sensor S0001, registered as smoke (Smoke detector) (wrong sensor id?)");
    }

    @Test
    void futureTimestamps() {
        Instant received = Instant.parse("2026-03-02T00:40:00Z");
        Quarantined q = rejected(parser, topic("gps", "W0001"), utf8(GPS), received);
        assertThat(q.reason()).isEqualTo(QuarantineReason.FUTURE_TIMESTAMP);
        assertThat(q.detail()).isEqualTo("gps: at 2026-03-02T08:44:30+08:00 is 4 min ahead of the receipt time "
                + "2026-03-02T00:40:00Z (at most 2 min ahead is accepted; is the device clock wrong?)");
        // Within the tolerance a fast device clock is fine.
        assertThat(parser.parse(topic("gps", "W0001"), utf8(GPS), Instant.parse("2026-03-02T00:42:31Z")))
                .isInstanceOf(ParseOutcome.Accepted.class);
        // The intake takes what the feed lets through: its own limit is the same.
        for (FeedTopic.Kind kind : FeedTopic.Kind.values()) {
            assertThat(parser.settings().plausibility().window(kind).maxAhead()).isEqualTo(IntakeService.FUTURE_TOLERANCE);
        }
    }

    @Test
    void timestampsOlderThanTheirKindsWindowAreStale() {
        Instant received = Instant.parse("2026-03-02T12:00:00Z");
        // A report dated 1900 would sit at the top of the queue, overdue by decades.
        String old = json("{'v':1,'id':'R9','workerId':'W0001','at':'1900-01-01T08:00:00+08:00','category':'0101',"
                + "'lon':113.5841,'lat':22.3622,'description':'x'}");
        Quarantined q = rejected(parser, topic("report", "W0001"), utf8(old), received);
        assertThat(q.reason()).isEqualTo(QuarantineReason.STALE_TIMESTAMP);
        assertThat(q.detail()).isEqualTo("report: at 1900-01-01T08:00:00+08:00 is 46,081 days before the receipt time"
                + " 2026-03-02T12:00:00Z (at most 7 days old is accepted; is the device clock wrong?)");
        // A duty status of year 1 would set the worker off duty.
        assertThat(rejected(parser, topic("status", "W0001"), utf8(json("{'v':1,'id':'S9','workerId':'W0001',"
                + "'at':'0001-01-01T00:00:00Z','state':'off_duty'}")), received).reason())
                .isEqualTo(QuarantineReason.STALE_TIMESTAMP);
        // Within the window a buffered fix from yesterday is fine; each kind has its own window (data).
        String yesterday = GPS.replace("2026-03-02T08:44:30+08:00", "2026-03-01T08:44:30+08:00");
        assertThat(parser.parse(topic("gps", "W0001"), utf8(yesterday), received)).isInstanceOf(ParseOutcome.Accepted.class);
        FeedParser strict = new FeedParser(parser.settings().withPlausibility(
                FeedPlausibility.uniform(java.time.Duration.ofHours(1), java.time.Duration.ofMinutes(2))),
                FeedFixtures.SCHEMAS, w -> true, FeedFixtures.SENSORS, w -> Optional.ofNullable(last.get(w)));
        assertThat(rejected(strict, topic("gps", "W0001"), utf8(yesterday), received).detail())
                .contains("at most 60 min old is accepted");
        // A track is checked fix by fix.
        String track = track("{'at':'2026-03-02T08:49:00+08:00','lon':113.5712,'lat':22.3688},"
                + "{'at':'1970-01-01T00:00:00Z','lon':113.5712,'lat':22.3688}");
        assertThat(rejected(parser, topic("track", "W0001"), utf8(track), received).detail())
                .startsWith("track fixes[1]: at 1970-01-01T00:00:00Z is");
    }

    @Test
    void sensorReadingsOutsideTheirKindsRangeAreImplausible() {
        String alarm = "{'v':1,'id':'A3','sensorId':'S0001','at':'2026-03-02T08:44:58+08:00','kind':'smoke',"
                + "'value':VALUE,'unit':'%/m'}";
        for (String value : List.of("1e400", "-1e400", "-0.5", "100.5", "9223372036854775807")) {
            Quarantined q = rejected(topic("alarm", "S0001"), utf8(json(alarm.replace("VALUE", value))));
            assertThat(q.reason()).as(value + ": " + q.detail()).isEqualTo(QuarantineReason.IMPLAUSIBLE_VALUE);
            assertThat(q.detail()).startsWith("alarm: value ").contains("of sensor S0001")
                    .endsWith("(a smoke detector reads 0 to 100 %/m)");
        }
        SensorAlarm ok = (SensorAlarm) accepted("alarm", "S0001", json(alarm.replace("VALUE", "12.5")));
        assertThat(ok.value()).isEqualTo(12.5);
        // The unit ends up in the case's text: only the kind's own is taken.
        Quarantined unit = rejected(topic("alarm", "S0001"), utf8(json(alarm.replace("VALUE", "12.5")
                .replace("%/m", "\\u001b[31m%/m"))));
        assertThat(unit.reason()).isEqualTo(QuarantineReason.IMPLAUSIBLE_VALUE);
        assertThat(unit.detail()).isEqualTo("alarm: unit '\\u001b[31m%/m' of sensor S0001 is not its kind's unit '%/m'"
                + " (smoke)");
    }

    @Test
    void implausibleCoordinates() {
        String t = topic("gps", "W0001");
        assertThat(rejected(QuarantineReason.IMPLAUSIBLE_COORDINATES, t, GPS.replace("113.5712", "X").replace("22.3688", "113.5712")
                .replace("X", "22.3688"))).isEqualTo("gps: lat 113.5712 is not a latitude (lat and lon swapped?)");
        assertThat(rejected(QuarantineReason.IMPLAUSIBLE_COORDINATES, t, GPS.replace("22.3688", "95.5")))
                .isEqualTo("gps: lat 95.5 is not a latitude (-90 to 90)");
        assertThat(rejected(QuarantineReason.IMPLAUSIBLE_COORDINATES, t, GPS.replace("113.5712", "213.5712")))
                .isEqualTo("gps: lon 213.5712 is not a longitude (-180 to 180)");
        assertThat(rejected(QuarantineReason.IMPLAUSIBLE_COORDINATES, t, GPS.replace("113.5712", "116.404").replace("22.3688", "39.915")))
                .startsWith("gps: lon 116.404, lat 39.915 (wgs84) is 1").contains(" km outside the plausible region of district 440402 (lon ");
        assertThat(rejected(QuarantineReason.IMPLAUSIBLE_COORDINATES, t, GPS.replace("113.5712", "0").replace("22.3688", "0")))
                .isEqualTo("gps: lon 0, lat 0 (wgs84) is the null point (a device with no GPS fix?)");
        assertThat(rejected(QuarantineReason.IMPLAUSIBLE_COORDINATES, t, GPS.replace("22.3688", "1e400")))
                .isEqualTo("gps: lat Infinity is not a finite number");
        // A datum mistake of a whole degree is not a datum mistake: 60 km off is outside the region.
        assertThat(rejected(QuarantineReason.IMPLAUSIBLE_COORDINATES, t, GPS.replace("22.3688", "21.3688")))
                .contains("km outside the plausible region");
        String report = json("{'v':1,'id':'R1','workerId':'W0001','at':'2026-03-02T08:45:12+08:00','category':'0101',"
                + "'lon':22.36,'lat':113.58,'description':'x'}");
        assertThat(rejected(QuarantineReason.IMPLAUSIBLE_COORDINATES, topic("report", "W0001"), report))
                .isEqualTo("report: lat 113.58 is not a latitude (lat and lon swapped?)");
        String alarm = json("{'v':1,'id':'A1','sensorId':'S0001','at':'2026-03-02T08:44:58+08:00','kind':'smoke','lon':0,'lat':0}");
        assertThat(rejected(QuarantineReason.IMPLAUSIBLE_COORDINATES, topic("alarm", "S0001"), alarm)).startsWith("alarm: lon 0, lat 0");
    }

    @Test
    void aSwapThatStaysInRangeIsStillNamed() {
        // A district where both orders are valid degrees: lon 60.6, lat 56.8 (Yekaterinburg) sent as lon 56.8, lat 60.6.
        PlausibleRegion region = PlausibleRegion.around(new Envelope(60.5, 60.7, 56.7, 56.9), 50);
        FeedParser p = new FeedParser(parser.settings().withRegion(region), FeedFixtures.SCHEMAS, w -> true,
                FeedFixtures.SENSORS, w -> Optional.empty());
        ParseOutcome o = p.parse(topic("gps", "W0001"), utf8(GPS.replace("113.5712", "56.8").replace("22.3688", "60.6")), NOW);
        Quarantined q = ((ParseOutcome.Rejected) o).quarantined();
        assertThat(q.reason()).isEqualTo(QuarantineReason.IMPLAUSIBLE_COORDINATES);
        assertThat(q.detail()).isEqualTo("gps: lon 56.8, lat 60.6 (wgs84) is outside the district, swapped it is inside (lat and lon swapped?)");
    }

    @Test
    void impossibleJumps() {
        last.put("W0001", new GpsFix("G0", "W0001", Instant.parse("2026-03-02T00:43:30Z"), new GeoPoint(113.5712, 22.2688), 5));
        String detail = rejected(QuarantineReason.IMPOSSIBLE_JUMP, topic("gps", "W0001"), GPS);
        assertThat(detail).isEqualTo("gps: worker W0001 moved 11.1 km in 60 s since fix G0 at 2026-03-02T00:43:30Z"
                + " (667 km/h; at most 50 km/h is plausible)");
        last.put("W0001", new GpsFix("G0", "W0001", Instant.parse("2026-03-02T00:44:30Z"), new GeoPoint(113.5712, 22.3658), 5));
        assertThat(rejected(QuarantineReason.IMPOSSIBLE_JUMP, topic("gps", "W0001"), GPS))
                .isEqualTo("gps: worker W0001 moved 334 m in 0 s since fix G0 at 2026-03-02T00:44:30Z (no time between them;"
                        + " at most 50 km/h is plausible)");
        FeedParser strict = new FeedParser(parser.settings().withMaxSpeedKmh(5), FeedFixtures.SCHEMAS, w -> true,
                FeedFixtures.SENSORS, w -> Optional.of(new GpsFix("G0", "W0001", Instant.parse("2026-03-02T00:43:30Z"),
                        new GeoPoint(113.5652, 22.3688), 5)));
        Quarantined walker = rejected(strict, topic("gps", "W0001"), utf8(GPS), NOW);
        assertThat(walker.reason()).isEqualTo(QuarantineReason.IMPOSSIBLE_JUMP);
        assertThat(walker.detail()).contains("moved 617 m in 60 s").contains("(37 km/h; at most 5 km/h is plausible)");
    }

    @Test
    void aReportTheIntakeRefusesIsParsedFaithfullySoTheIntakeCanNameTheField() {
        // INTAKE_REFUSED is given by the ingest when the intake service refuses a parsed report; the parser hands it
        // the report as sent, and the intake's problems are the detail.
        FieldReport r = (FieldReport) accepted("report", "W0001", json("{'v':1,'id':'R9','workerId':'W0001',"
                + "'at':'2026-03-02T08:45:12+08:00','category':'9999','lon':113.58,'lat':22.36,'description':'x'}"));
        CaseRepository noStore = (CaseRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CaseRepository.class}, (proxy, method, args) -> {
                    throw new AssertionError("validation must not reach the store: " + method);
                });
        IntakeService intake = new IntakeService(noStore, CategoryDictionary.loadDefault(),
                new LocateService(FeedFixtures.DISTRICT), null, IntakeSettings.DEFAULTS, java.time.Clock.fixed(NOW,
                java.time.ZoneOffset.UTC));
        List<FieldProblem> problems = intake.problems(r.report());
        assertThat(problems).extracting(FieldProblem::field).containsExactly("categoryCode");
        assertThat(problems.get(0).message()).contains("unknown category 9999");
    }

    @Test
    void theQuarantineRecordKeepsTopicPayloadTimeAndUsableMessageId() {
        String topic = topic("gps", "W9999");
        byte[] raw = utf8(GPS.replace("W0001", "W9999"));
        Quarantined q = rejected(topic, raw);
        assertThat(q.topic()).isEqualTo(topic);
        assertThat(q.payload()).isEqualTo(raw);
        assertThat(q.receivedAt()).isEqualTo(NOW);
        assertThat(q.messageId()).isEqualTo("G1");
        assertThat(rejected(topic("gps", "W0001"), utf8(GPS.replace("\"G1\"", "\"bad id\""))).messageId()).isNull();
        assertThat(rejected(topic("gps", "W0001"), utf8("{\"id\":\"G7\"")).messageId()).isNull();
    }

    @Test
    void aFailingLookupPropagatesInsteadOfQuarantiningGoodMessages() {
        FeedParser down = new FeedParser(parser.settings(), FeedFixtures.SCHEMAS, w -> true, FeedFixtures.SENSORS,
                w -> {
                    throw new IllegalStateException("store is down");
                });
        assertThatThrownBy(() -> down.parse(topic("gps", "W0001"), utf8(GPS), NOW))
                .isInstanceOf(IllegalStateException.class).hasMessage("store is down");
    }

    @Test
    void lastFixesKeepsTheNewestAcceptedFix() {
        LastFixes fixes = new LastFixes(w -> Optional.empty());
        GpsFix a = new GpsFix("a", "W0001", Instant.parse("2026-03-02T00:00:00Z"), new GeoPoint(113.58, 22.36), 5);
        GpsFix b = new GpsFix("b", "W0001", Instant.parse("2026-03-02T00:44:00Z"), new GeoPoint(113.58, 22.26), 5);
        fixes.accept(b);
        fixes.accept(a);
        assertThat(fixes.get("W0001")).contains(b);
        FeedParser p = new FeedParser(parser.settings(), FeedFixtures.SCHEMAS, w -> true, FeedFixtures.SENSORS, fixes::get);
        assertThat(p.parse(topic("gps", "W0001"), utf8(GPS), NOW)).isInstanceOf(ParseOutcome.Rejected.class);
    }

    @Test
    void everyParserReasonHasACraftedMessageThatGetsExactlyIt() {
        last.put("W0001", new GpsFix("G0", "W0001", Instant.parse("2026-03-02T00:43:30Z"), new GeoPoint(113.5712, 22.2688), 5));
        Map<QuarantineReason, Quarantined> got = new java.util.EnumMap<>(QuarantineReason.class);
        Object[][] crafted = {
                {topic("where", "W0001"), GPS},
                {topic("gps", "W0001"), "{\"v\":1,"},
                {topic("gps", "W0001"), GPS.replace("\"v\":1", "\"v\":\"1\"")},
                {topic("gps", "W0404"), GPS.replace("W0001", "W0404").replace("113.5712", "X").replace("22.3688", "113.5712")
                        .replace("X", "22.3688")},
                {topic("alarm", "S0404"), json("{'v':1,'id':'A1','sensorId':'S0404','at':'2026-03-02T08:44:58+08:00','kind':'gas'}")},
                {topic("status", "W0001"), json("{'v':1,'id':'S1','workerId':'W0001','at':'2026-03-03T08:44:58+08:00','state':'on_duty'}")},
                {topic("report", "W0001"), json("{'v':1,'id':'R1','workerId':'W0001','at':'2026-03-02T08:45:12+08:00',"
                        + "'category':'0101','lon':22.36,'lat':113.58,'description':'x'}")},
                {topic("gps", "W0001"), GPS},
                {topic("gps", "W0001"), GPS + " ".repeat(70_000)},
                {topic("status", "W0001"), json("{'v':1,'id':'S2','workerId':'W0001','at':'0001-01-01T00:00:00Z','state':'off_duty'}")},
                {topic("alarm", "S0001"), json("{'v':1,'id':'A2','sensorId':'S0001','at':'2026-03-02T08:44:58+08:00',"
                        + "'kind':'smoke','value':1e400,'unit':'%/m'}")},
        };
        for (Object[] c : crafted) {
            Quarantined q = rejected((String) c[0], utf8((String) c[1]));
            assertThat(got.put(q.reason(), q)).as("two crafted messages got " + q.reason() + ": " + q.detail()).isNull();
        }
        assertThat(got.keySet()).containsExactly(QuarantineReason.MALFORMED_JSON, QuarantineReason.OVERSIZED,
                QuarantineReason.SCHEMA_VIOLATION, QuarantineReason.UNKNOWN_TOPIC, QuarantineReason.UNKNOWN_WORKER,
                QuarantineReason.UNKNOWN_SENSOR, QuarantineReason.IMPLAUSIBLE_COORDINATES,
                QuarantineReason.IMPOSSIBLE_JUMP, QuarantineReason.FUTURE_TIMESTAMP, QuarantineReason.STALE_TIMESTAMP,
                QuarantineReason.IMPLAUSIBLE_VALUE);
        // The reasons the parser does not give are the intake's and the store's (see FeedIngestTest).
        assertThat(java.util.EnumSet.complementOf(java.util.EnumSet.copyOf(got.keySet())))
                .containsExactly(QuarantineReason.INTAKE_REFUSED, QuarantineReason.STORE_REFUSED);
        assertThat(got.values()).allSatisfy(q -> assertThat(q.detail()).matches("^(topic|gps|status|report|alarm): .+"));
    }

    // ---------------------------------------------------------------- helpers

    // ---------------------------------------------------------------- track uploads

    private static String track(String fixes) {
        return json("{'v':1,'id':'T1','workerId':'W0001','at':'2026-03-02T08:50:00+08:00','fixes':[" + fixes + "]}");
    }

    @Test
    void aTrackUploadGivesEveryFixInTimeOrderUnderTheMessagesId() {
        GpsTrack t = (GpsTrack) accepted("track", "W0001", track(
                "{'at':'2026-03-02T08:49:30+08:00','lon':113.5714,'lat':22.3690},"
                + "{'at':'2026-03-02T08:49:00+08:00','lon':113.5712,'lat':22.3688,'accuracy':6.5}"));
        assertThat(t.messageId()).isEqualTo("T1");
        assertThat(t.fixes()).extracting(GpsFix::at).containsExactly(Instant.parse("2026-03-02T00:49:00Z"),
                Instant.parse("2026-03-02T00:49:30Z"));
        assertThat(t.fixes()).extracting(GpsFix::messageId).containsOnly("T1");
        assertThat(t.at()).isEqualTo(Instant.parse("2026-03-02T00:49:30Z"));
        assertThat(t.fixes().get(0).accuracyMetres()).isEqualTo(6.5);
    }

    @Test
    void oneBadFixQuarantinesTheTrackNamingTheFix() {
        String swapped = rejected(QuarantineReason.IMPLAUSIBLE_COORDINATES, topic("track", "W0001"), track(
                "{'at':'2026-03-02T08:49:00+08:00','lon':113.5712,'lat':22.3688},"
                + "{'at':'2026-03-02T08:49:30+08:00','lon':22.3690,'lat':113.5714}"));
        assertThat(swapped).startsWith("track fixes[1]: ").contains("swapped");
        String jump = rejected(QuarantineReason.IMPOSSIBLE_JUMP, topic("track", "W0001"), track(
                "{'at':'2026-03-02T08:49:00+08:00','lon':113.5712,'lat':22.3688},"
                + "{'at':'2026-03-02T08:49:30+08:00','lon':113.6712,'lat':22.3688}"));
        assertThat(jump).contains("W0001").contains("km/h");
        String future = rejected(QuarantineReason.FUTURE_TIMESTAMP, topic("track", "W0001"), track(
                "{'at':'2026-03-02T23:49:00+08:00','lon':113.5712,'lat':22.3688}"));
        assertThat(future).startsWith("track fixes[0]: ");
        rejected(QuarantineReason.SCHEMA_VIOLATION, topic("track", "W0001"), track(""));
    }

    @Test
    void aTracksFirstFixIsCheckedAgainstTheWorkersLastAcceptedFix() {
        last.put("W0001", new GpsFix("G0", "W0001", Instant.parse("2026-03-02T00:48:00Z"),
                new GeoPoint(113.4712, 22.3688), Double.NaN));
        rejected(QuarantineReason.IMPOSSIBLE_JUMP, topic("track", "W0001"), track(
                "{'at':'2026-03-02T08:49:00+08:00','lon':113.5712,'lat':22.3688}"));
    }

    private FieldMessage accepted(String kind, String sender, String payload) {
        return accepted(parser, kind, sender, payload);
    }

    private static FieldMessage accepted(FeedParser p, String kind, String sender, String payload) {
        ParseOutcome o = p.parse(topic(kind, sender), utf8(payload), NOW);
        assertThat(o).as(() -> o instanceof ParseOutcome.Rejected r ? r.quarantined().detail() : "").isInstanceOf(ParseOutcome.Accepted.class);
        return ((ParseOutcome.Accepted) o).message();
    }

    /** The detail of a message that must be rejected for exactly {@code reason}. */
    private String rejected(QuarantineReason reason, String topic, String payload) {
        Quarantined q = rejected(topic, utf8(payload));
        assertThat(q.reason()).as(q.detail()).isEqualTo(reason);
        return q.detail();
    }

    private Quarantined rejected(String topic, byte[] payload) {
        return rejected(parser, topic, payload, NOW);
    }

    private static Quarantined rejected(FeedParser p, String topic, byte[] payload, Instant receivedAt) {
        ParseOutcome o = p.parse(topic, payload, receivedAt);
        assertThat(o).isInstanceOf(ParseOutcome.Rejected.class);
        Quarantined q = ((ParseOutcome.Rejected) o).quarantined();
        assertThat(q.detail()).isNotBlank();
        return q;
    }

}
