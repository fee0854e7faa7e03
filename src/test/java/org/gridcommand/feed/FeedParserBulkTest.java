package org.gridcommand.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.feed.FeedFixtures.topic;
import static org.gridcommand.feed.FeedFixtures.utf8;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridcommand.geo.ChinaDatums;
import org.gridcommand.geo.Datum;
import org.junit.jupiter.api.Test;

/**
 * 10,000 generated bad messages of every kind, interleaved with good traffic from 20 walking workers and the
 * sensors: every bad one is rejected (never an exception), every good one accepted, in one seeded run.
 */
class FeedParserBulkTest {
    private static final int BAD = 10_000;
    private static final int WORKERS = 20;
    private static final java.time.format.DateTimeFormatter AT =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);

    private final SplittableRandom random = new SplittableRandom(20_260_302L);
    private final Map<String, GpsFix> last = new HashMap<>();
    private final FeedParser parser = FeedFixtures.parser(last);
    private final Map<String, double[]> walkers = new HashMap<>();
    private Instant clock = Instant.parse("2026-03-02T00:00:00Z");
    private int serial;

    @Test
    void tenThousandBadMessagesAreAllRejectedWhileTheGoodOnesAroundThemAreAccepted() {
        for (int w = 1; w <= WORKERS; w++) {
            walkers.put(String.format("W%04d", w), new double[] {113.575 + random.nextDouble() * 0.02,
                    22.355 + random.nextDouble() * 0.02});
        }
        Map<QuarantineReason, Integer> reasons = new EnumMap<>(QuarantineReason.class);
        int good = 0;
        int bad = 0;
        while (bad < BAD) {
            clock = clock.plusSeconds(1);
            if (random.nextInt(3) == 0) {
                String[] m = good();
                ParseOutcome o = parser.parse(m[0], utf8(m[1]), clock);
                assertThat(o).as(() -> m[0] + " " + m[1] + (o instanceof ParseOutcome.Rejected r ? " → "
                        + r.quarantined().detail() : "")).isInstanceOf(ParseOutcome.Accepted.class);
                if (((ParseOutcome.Accepted) o).message() instanceof GpsFix fix) {
                    last.put(fix.workerId(), fix);
                }
                good++;
            } else {
                Object[] m = bad();
                ParseOutcome o = parser.parse((String) m[0], (byte[]) m[1], clock);
                assertThat(o).as(() -> m[0] + " " + new String((byte[]) m[1], StandardCharsets.UTF_8) + " (" + m[2] + ")")
                        .isInstanceOf(ParseOutcome.Rejected.class);
                Quarantined q = ((ParseOutcome.Rejected) o).quarantined();
                assertThat(q.detail()).isNotBlank();
                assertThat(q.payload()).isEqualTo(m[1] == null ? new byte[0] : (byte[]) m[1]);
                reasons.merge(q.reason(), 1, Integer::sum);
                bad++;
            }
        }
        assertThat(good).isGreaterThan(4_000);
        assertThat(reasons.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(BAD);
        assertThat(reasons.keySet()).containsExactlyInAnyOrder(QuarantineReason.MALFORMED_JSON,
                QuarantineReason.SCHEMA_VIOLATION, QuarantineReason.UNKNOWN_TOPIC, QuarantineReason.UNKNOWN_WORKER,
                QuarantineReason.UNKNOWN_SENSOR, QuarantineReason.IMPLAUSIBLE_COORDINATES,
                QuarantineReason.IMPOSSIBLE_JUMP, QuarantineReason.FUTURE_TIMESTAMP);
    }

    // ---------------------------------------------------------------- good traffic

    /** {topic, payload}: a small step of a walking worker, a status, a report or an alarm. */
    private String[] good() {
        String worker = String.format("W%04d", 1 + random.nextInt(WORKERS));
        String at = at(clock.minusMillis(random.nextInt(1_000)));
        return switch (random.nextInt(10)) {
            case 0 -> new String[] {topic("status", worker), "{\"v\":1,\"id\":\"" + id() + "\",\"workerId\":\"" + worker
                    + "\",\"at\":\"" + at + "\",\"state\":\"" + (random.nextBoolean() ? "on_duty" : "off_duty") + "\"}"};
            case 1 -> {
                double[] p = walkers.get(worker);
                yield new String[] {topic("report", worker), "{\"v\":1,\"id\":\"" + id() + "\",\"workerId\":\"" + worker
                        + "\",\"at\":\"" + at + "\",\"category\":\"0101\"," + coordinates(p[0], p[1])
                        + ",\"description\":\"井盖缺失 " + serial + "\"}"};
            }
            case 2 -> {
                Sensor s = FeedFixtures.SENSORS.sensors().get(random.nextInt(FeedFixtures.SENSORS.size()));
                yield new String[] {topic("alarm", s.id()), "{\"v\":1,\"id\":\"" + id() + "\",\"sensorId\":\"" + s.id()
                        + "\",\"at\":\"" + at + "\",\"kind\":\"" + s.kind() + "\",\"value\":" + random.nextInt(100)
                        + ",\"unit\":\"" + FeedFixtures.SENSORS.kind(s.kind()).orElseThrow().unit() + "\"}"};
            }
            default -> {
                double[] p = walkers.get(worker);
                // At most ~5 m a step and at least a second between steps: walking pace.
                p[0] += (random.nextDouble() - 0.5) * 0.00008;
                p[1] += (random.nextDouble() - 0.5) * 0.00008;
                yield new String[] {topic("gps", worker), "{\"v\":1,\"id\":\"" + id() + "\",\"workerId\":\"" + worker
                        + "\",\"at\":\"" + at(clock) + "\"," + coordinates(p[0], p[1]) + ",\"accuracy\":"
                        + random.nextInt(30) + "}"};
            }
        };
    }

    private String coordinates(double lon, double lat) {
        Datum datum = Datum.values()[random.nextInt(3)];
        double[] c = ChinaDatums.fromWgs84(lon, lat, datum);
        return String.format(Locale.ROOT, "\"lon\":%.9f,\"lat\":%.9f,\"datum\":\"%s\"", c[0], c[1],
                datum.name().toLowerCase(Locale.ROOT));
    }

    // ---------------------------------------------------------------- bad traffic

    /** {topic, payload bytes, what was done}: a good message broken in one of many ways. */
    private Object[] bad() {
        String[] g = good();
        String topic = g[0];
        String p = g[1];
        String kind = topic.split("/")[3];
        int how = random.nextInt(22);
        return switch (how) {
            case 0 -> of(topic, utf8(p.substring(0, random.nextInt(p.length() - 1))), "truncated");
            case 1 -> {
                byte[] b = new byte[1 + random.nextInt(200)];
                random.nextBytes(b);
                b[0] = (byte) (random.nextBoolean() ? 0xff : '<');
                yield of(topic, b, "random bytes");
            }
            case 2 -> {
                byte[] b = utf8(p);
                int at = 1 + random.nextInt(b.length - 2);
                while (b[at] < 0) {
                    at--; // an ASCII byte, so the continuation byte stands alone
                }
                b[at] = (byte) (0x80 | random.nextInt(0x40));
                yield of(topic, b, "a lone UTF-8 continuation byte");
            }
            case 3 -> of(topic, utf8(p + (random.nextBoolean() ? "}" : ",{}")), "trailing data");
            case 4 -> of(topic, utf8(p.replace("\"v\":1", "\"v\":" + (2 + random.nextInt(9)))), "future version");
            case 5 -> of(topic, utf8(p.replace("\"v\":1,", "")), "no version");
            case 6 -> of(topic, utf8(p.replace("{\"v\"", "{\"extra\":true,\"v\"")), "unknown field");
            case 7 -> of(topic, utf8(p.replace("\"id\":\"", "\"id\":\"" + "x".repeat(64))), "id too long");
            case 8 -> of(topic, utf8(p.replaceFirst("\"at\":\"[^\"]+\"", "\"at\":" + random.nextInt())), "at as a number");
            case 9 -> of(topic.replace("/" + FeedFixtures.CODE + "/", "/110101/"), utf8(p), "another district");
            case 10 -> of(topic.replace("/" + kind + "/", "/" + List.of("pos", "alert", "GPS", "").get(random.nextInt(4)) + "/"),
                    utf8(p), "unknown kind");
            case 11 -> of(random.nextBoolean() ? null : "gc/v1", utf8(p), "no usable topic");
            case 12 -> {
                if (kind.equals("alarm")) {
                    String id = topic.substring(topic.lastIndexOf('/') + 1);
                    if (random.nextBoolean()) {
                        String kindSaid = p.contains("\"smoke\"") ? "gas" : "smoke";
                        yield of(topic, utf8(p.replaceFirst("\"kind\":\"[a-z_]+\"", "\"kind\":\"" + kindSaid + "\"")),
                                "another kind than registered");
                    }
                    String stranger = "S9" + random.nextInt(1000);
                    yield of(topic.replace(id, stranger), utf8(p.replace("\"" + id + "\"", "\"" + stranger + "\"")),
                            "unknown sensor");
                }
                String id = topic.substring(topic.lastIndexOf('/') + 1);
                String stranger = "W" + (1000 + random.nextInt(8000));
                yield of(topic.replace(id, stranger), utf8(p.replace("\"" + id + "\"", "\"" + stranger + "\"")), "unknown worker");
            }
            case 13 -> of(topic, utf8(p.replaceFirst("\"at\":\"[^\"]+\"", "\"at\":\""
                    + at(clock.plus(3 + random.nextInt(100_000), ChronoUnit.MINUTES)) + "\"")), "future");
            case 14, 15 -> {
                if (!p.contains("\"lon\"")) {
                    yield of(topic, utf8(p.replace("\"v\":1", "\"v\":1.5")), "fractional version");
                }
                yield of(topic, utf8(swap(p)), "lat and lon swapped");
            }
            case 16 -> {
                if (!p.contains("\"lon\"")) {
                    yield of(topic, utf8("[" + p + "]"), "an array");
                }
                double lon = -180 + random.nextDouble() * 360;
                double lat = random.nextBoolean() ? -90 + random.nextDouble() * 90 : 40 + random.nextDouble() * 50;
                yield of(topic, utf8(p.replaceFirst("\"lon\":[-0-9.eE]+", "\"lon\":" + lon)
                        .replaceFirst("\"lat\":[-0-9.eE]+", "\"lat\":" + lat)), "far away");
            }
            case 17 -> {
                if (!topic.contains("/gps/")) {
                    yield of(topic, utf8(p.replace("\"at\"", "\"at\":\"2026-03-02T00:00:00Z\",\"at\"")), "duplicate key");
                }
                String worker = topic.substring(topic.lastIndexOf('/') + 1);
                GpsFix prev = last.get(worker);
                if (prev == null) {
                    yield of(topic, utf8(p.replace("\"datum\"", "\"datum\":\"wgs84\",\"datum\"")), "duplicate key");
                }
                // 5 to 20 km within 10 s of the last accepted fix.
                double dLat = (0.05 + random.nextDouble() * 0.13) * (random.nextBoolean() ? 1 : -1);
                String jump = "{\"v\":1,\"id\":\"" + id() + "\",\"workerId\":\"" + worker + "\",\"at\":\""
                        + at(prev.at().plusSeconds(random.nextInt(10))) + "\","
                        + coordinates(prev.position().lon(), prev.position().lat() + dLat) + "}";
                yield of(topic, utf8(jump), "jump");
            }
            case 18 -> of(topic, utf8(p.replaceFirst("\"(lon|category|state|kind)\":", "\"$1_\":")), "misspelt field");
            case 19 -> of(topic, new byte[0], "empty");
            case 20 -> of(topic, utf8(p.replace("\"", "'")), "single quotes");
            default -> of(topic, utf8(p.replace("\"id\":\"", "\"id\":\"bad id ")), "id with spaces");
        };
    }

    private static String swap(String p) {
        java.util.regex.Matcher lon = java.util.regex.Pattern.compile("\"lon\":([-0-9.eE]+)").matcher(p);
        java.util.regex.Matcher lat = java.util.regex.Pattern.compile("\"lat\":([-0-9.eE]+)").matcher(p);
        if (!lon.find() || !lat.find()) {
            throw new AssertionError(p);
        }
        return p.replace("\"lon\":" + lon.group(1), "\"lon\":@").replace("\"lat\":" + lat.group(1), "\"lat\":" + lon.group(1))
                .replace("\"lon\":@", "\"lon\":" + lat.group(1));
    }

    private static Object[] of(String topic, byte[] payload, String what) {
        return new Object[] {topic, payload, what};
    }

    private String id() {
        return "M" + (++serial);
    }

    private static String at(Instant t) {
        return AT.format(t.atOffset(java.time.ZoneOffset.ofHours(8)));
    }
}
