package org.gridcommand.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.gridcommand.cases.Category;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.demo.DemoDistrictGenerator;
import org.gridcommand.feed.FeedTopic;
import org.gridcommand.feed.SensorRegistry;
import org.gridcommand.feed.mqtt.MqttFeedException;
import org.gridcommand.feed.mqtt.MqttPublisher;
import org.gridcommand.feed.sim.FieldSimulator;
import org.gridcommand.grid.District;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code simulate}: the demo district's field on a real broker: every grid worker patrols their grid and
 * sends fixes, reports and status; sensors raise alarms; optionally a share of broken messages.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Publish the demo district's field (patrols, reports, alarms) to an MQTT broker in real time.")
public final class SimulateCommand implements Callable<Integer> {
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
            description = "Simulated seconds per real second, 1 to 3600 (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Seed of the field (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Duration length;
        try {
            length = duration.matches("\\d+") ? Duration.ofMinutes(Long.parseLong(duration)) : Duration.parse(duration);
        } catch (DateTimeParseException e) {
            err.println("gridcommand: --duration must be minutes or ISO-8601 like PT10M, got " + duration);
            return 2;
        }
        String problem = workers < 0 || workers > 10_000 ? "--workers must be 0 to 10000, got " + workers
                : !(rate > 0 && rate <= 600) ? "--rate must be above 0 and at most 600 fixes per minute, got " + rate
                : !(speed >= 1 && speed <= 3600) ? "--speed must be 1 to 3600, got " + speed
                : !(malformed >= 0 && malformed <= 1) ? "--malformed must be 0 to 1, got " + malformed
                : length.isNegative() || length.isZero() ? "--duration must be positive, got " + duration : null;
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
        District district = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED).district();
        List<String> minors = CategoryDictionary.loadDefault().minors().stream().map(Category::code).toList();
        Duration interval = Duration.ofMillis(Math.max(100, Math.round(60_000 / rate)));
        Instant start = Instant.now();
        FieldSimulator sim = new FieldSimulator(district, SensorRegistry.loadDemo(), minors,
                new FieldSimulator.Settings(workers, interval, reportsPerHour, alarmsPerHour, malformed, seed), start);
        String clientId = "gc-sim-" + UUID.randomUUID().toString().substring(0, 8);
        try (MqttPublisher publisher = new MqttPublisher(broker, clientId, user, password, 1000)) {
            out.printf(Locale.ROOT, "simulating %d workers of %s on %s: a fix every %.1f s, x%.0f speed, for %s%n",
                    sim.walkers(), district.name().en(), broker, interval.toMillis() / 1000.0, speed, length);
            out.println("topics: " + FeedTopic.subscription(district.adminCode()));
            out.flush();
            long published = 0;
            for (FieldSimulator.Message m : sim.shiftStart()) {
                publisher.publish(m.topic(), m.payload());
                published++;
            }
            long wallStart = System.nanoTime();
            long lastReport = wallStart;
            Instant end = start.plus(length);
            Instant simNow = start;
            while (simNow.isBefore(end)) {
                Thread.sleep(100);
                long elapsedNanos = System.nanoTime() - wallStart;
                simNow = start.plusNanos((long) (elapsedNanos * speed));
                if (simNow.isAfter(end)) {
                    simNow = end;
                }
                for (FieldSimulator.Message m : sim.advanceTo(simNow)) {
                    publisher.publish(m.topic(), m.payload());
                    published++;
                }
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    lastReport = System.nanoTime();
                    out.printf(Locale.ROOT, "%s simulated, %d messages published%n",
                            Duration.between(start, simNow).withNanos(0), published);
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
