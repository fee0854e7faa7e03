package org.gridcommand.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.gridcommand.cases.Category;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.demo.DemoDistrictGenerator;
import org.gridcommand.feed.FeedPlausibility;
import org.gridcommand.feed.FeedTopic;
import org.gridcommand.feed.SensorRegistry;
import org.gridcommand.feed.mqtt.MqttFeedException;
import org.gridcommand.feed.mqtt.MqttPublisher;
import org.gridcommand.feed.sim.FieldPace;
import org.gridcommand.feed.sim.FieldSimulator;
import org.gridcommand.grid.District;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code simulate}: the demo district's field on a real broker: every grid worker patrols their grid and
 * sends fixes, reports and status; sensors raise alarms; optionally a share of broken messages. Faster than
 * real time, the simulated span is placed to end when the run ends ({@link FieldPace}), so no message is dated
 * ahead of the console's clock, and a run that would date messages older than the console accepts
 * ({@code assets/feed/plausibility.json}) is refused.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Publish the demo district's field (patrols, reports, alarms) to an MQTT broker in real time.")
public final class SimulateCommand implements Callable<Integer> {
    /** The options every command takes (README); this one uses no store, so --data-dir changes nothing here. */
    @picocli.CommandLine.Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--broker", paramLabel = "URL", defaultValue = "tcp://127.0.0.1:1883",
            description = "Broker URL, tcp:// or ssl:// (default: ${DEFAULT-VALUE}).")
    String broker;

    @Option(names = "--user", paramLabel = "NAME", description = "Broker user name, if it asks for one.")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Name of an environment variable holding the broker password (never on the command line).")
    String passwordEnv;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "316",
            description = "Grid workers on patrol, at most the district's 316 (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--rate", paramLabel = "FIXES_PER_MIN", defaultValue = "2",
            description = "GPS fixes per worker per minute (default: ${DEFAULT-VALUE}, one every 30 s).")
    double rate;

    @Option(names = "--reports-per-hour", paramLabel = "R", defaultValue = "0.25",
            description = "Case reports per worker per hour (default: ${DEFAULT-VALUE}).")
    double reportsPerHour;

    @Option(names = "--alarms-per-hour", paramLabel = "R", defaultValue = "2",
            description = "Sensor alarms per hour in the district (default: ${DEFAULT-VALUE}).")
    double alarmsPerHour;

    @Option(names = "--malformed", paramLabel = "SHARE", defaultValue = "0",
            description = "Share of deliberately broken messages, 0 to 1 (default: ${DEFAULT-VALUE}).")
    double malformed;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "PT10M",
            description = "How long to run, ISO-8601 (PT10M, PT2H) or minutes (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "Simulated seconds per real second, 1 to 3600; above 1 the simulated span ends when the run ends,"
                    + " so messages are dated in the past, never ahead of the clock (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Seed of the field (default: ${DEFAULT-VALUE}).")
    long seed;

    /**
     * How much of a kind's age window the first message may use: the rest is for a console that reads its
     * queue a little late (a restart, a busy disk), so that it still accepts every message meant valid.
     */
    private static final double WINDOW_USED = 0.9;
    private static final Duration LONGEST_RUN = Duration.ofDays(3650);
    private static final DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx", Locale.ROOT)
            .withZone(ZoneOffset.ofHours(8));

    /**
     * Why a run of {@code length} at {@code speed} would date its first messages older than the console
     * accepts for a kind it sends ({@code assets/feed/plausibility.json}), or null when it would not. The
     * command refuses such a run rather than shortening it: a run shorter than asked would pass for the one
     * asked for, and the sentence names the longest run that works.
     */
    static String tooOld(Set<FeedTopic.Kind> kinds, FeedPlausibility plausibility, Duration length, double speed) {
        Duration oldest = FieldPace.oldestAge(length, speed);
        Duration strictest = null;
        List<String> strictestKinds = new ArrayList<>();
        for (FeedTopic.Kind kind : kinds) {
            Duration maxAge = plausibility.window(kind).maxAge();
            if (strictest == null || maxAge.compareTo(strictest) < 0) {
                strictest = maxAge;
                strictestKinds.clear();
            }
            if (maxAge.equals(strictest)) {
                strictestKinds.add(kind.level());
            }
        }
        if (strictest == null) {
            return null;
        }
        Duration allowed = Duration.ofMillis((long) (strictest.toMillis() * WINDOW_USED));
        if (oldest.compareTo(allowed) <= 0) {
            return null;
        }
        Duration longest = FieldPace.longestLength(allowed, speed).truncatedTo(ChronoUnit.MINUTES);
        return String.format(Locale.ROOT, "%s of simulated time at --speed %s would date the first messages %s"
                + " back, but the console quarantines %s messages older than %s (%s): at this speed run at most"
                + " --duration %s, or run more slowly", hoursAndMinutes(length), fmt(speed), hoursAndMinutes(oldest),
                String.join(" and ", strictestKinds), hoursAndMinutes(strictest), "assets/" + FeedPlausibility.FILE,
                longest);
    }

    private static String hoursAndMinutes(Duration d) {
        long minutes = d.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + " h" : (minutes / 60) + " h " + (minutes % 60) + " min";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Duration length;
        try {
            length = duration.matches("\\d+") ? Duration.ofMinutes(Long.parseLong(duration)) : Duration.parse(duration);
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            err.println("gridcommand: --duration must be minutes or ISO-8601 like PT10M, got " + duration);
            return 2;
        }
        String problem = workers < 0 || workers > 10_000 ? "--workers must be 0 to 10000, got " + workers
                : !(rate > 0 && rate <= 600) ? "--rate must be above 0 and at most 600 fixes per minute, got " + rate
                : !(speed >= 1 && speed <= 3600) ? "--speed must be 1 to 3600, got " + speed
                : !(malformed >= 0 && malformed <= 1) ? "--malformed must be 0 to 1, got " + malformed
                : length.isNegative() || length.isZero() ? "--duration must be positive, got " + duration
                : length.compareTo(LONGEST_RUN) > 0 ? "--duration must be at most " + LONGEST_RUN.toDays()
                        + " days, got " + duration : null;
        if (problem != null) {
            err.println("gridcommand: " + problem);
            return 2;
        }
        char[] password = null;
        if (passwordEnv != null) {
            String value = System.getenv(passwordEnv);
            if (value == null) {
                err.println("gridcommand: environment variable " + passwordEnv + " is not set");
                return 2;
            }
            password = value.toCharArray();
        }
        Duration interval = Duration.ofMillis(Math.max(100, Math.round(60_000 / rate)));
        FieldSimulator.Settings settings = new FieldSimulator.Settings(workers, interval, reportsPerHour, alarmsPerHour,
                malformed, seed);
        String stale;
        try {
            stale = tooOld(settings.kinds(), FeedPlausibility.loadDefault(), length, speed);
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("gridcommand: " + e.getMessage());
            return 2;
        }
        if (stale != null) {
            err.println("gridcommand: " + stale);
            return 2;
        }
        District district = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED).district();
        List<String> minors = CategoryDictionary.loadDefault().minors().stream().map(Category::code).toList();
        String clientId = "gc-sim-" + UUID.randomUUID().toString().substring(0, 8);
        try (MqttPublisher publisher = new MqttPublisher(broker, clientId, user, password, 1000)) {
            FieldPace pace = new FieldPace(Clock.systemUTC(), length, speed);
            FieldSimulator sim = new FieldSimulator(district, SensorRegistry.loadDemo(), minors, settings,
                    pace.simulatedStart());
            out.printf(Locale.ROOT, "simulating %d workers of %s on %s: a fix every %.1f s, x%.0f speed, for %s%n",
                    sim.walkers(), district.name().en(), broker, interval.toMillis() / 1000.0, speed, length);
            if (speed > 1) {
                out.printf(Locale.ROOT, "simulated time runs from %s to %s, ending when the run ends: every message"
                        + " is dated in the past, none ahead of the clock%n", CHINA_TIME.format(pace.simulatedStart()),
                        CHINA_TIME.format(pace.simulatedEnd()));
            }
            out.println("topics: " + FeedTopic.subscription(district.adminCode()));
            out.flush();
            long published = 0;
            for (FieldSimulator.Message m : sim.shiftStart()) {
                publisher.publish(m.topic(), m.payload());
                published++;
            }
            long lastReport = System.nanoTime();
            while (!pace.finished()) {
                Thread.sleep(100);
                Instant simNow = pace.simulatedNow();
                for (FieldSimulator.Message m : sim.advanceTo(simNow)) {
                    publisher.publish(m.topic(), m.payload());
                    published++;
                }
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    lastReport = System.nanoTime();
                    out.printf(Locale.ROOT, "%s simulated, %d messages published%n",
                            Duration.between(pace.simulatedStart(), simNow).withNanos(0), published);
                    out.flush();
                }
            }
            publisher.flush(30_000);
            out.printf(Locale.ROOT, "done: %d messages published over %s simulated%n", published, length);
            return 0;
        } catch (MqttFeedException e) {
            err.println("gridcommand: " + e.getMessage());
            return 3;
        }
    }
}
