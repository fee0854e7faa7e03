package org.gridcommand.drill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.gridcommand.feed.FeedDelivery;
import org.gridcommand.feed.FeedTopic;
import org.gridcommand.feed.MessageKey;

/**
 * Plays a scenario's timeline on the drill clock: each event is sent when the drill's time reaches its offset —
 * field messages into the drill seat's feed (the same parser, intake and store as real traffic), camera
 * switches to the console. The trainer can pause, change speed (on the {@link DrillClock}) and inject the next
 * event now, which moves the drill's time forward to it. Injection times are kept for scoring.
 */
public final class DrillRunner implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DrillRunner.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TICK_MS = 100;

    /** Where injected events go. */
    public interface Target {
        void send(FeedDelivery delivery);

        void showCamera(String cameraId);
    }

    /** An event that has been sent, with the drill time it was sent at. */
    public record Injection(int index, ScriptedEvent event, Instant at, String messageId) {
    }

    private final DrillScenario scenario;
    private final DrillClock clock;
    private final Instant start;
    private final String districtCode;
    private final String runId;
    private final Target target;
    private final List<Injection> injected = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gc-drill");
        t.setDaemon(true);
        return t;
    });
    private volatile Consumer<Injection> onInjected = i -> { };
    private ScheduledFuture<?> ticking;
    private int next;

    public DrillRunner(DrillScenario scenario, DrillClock clock, Instant start, String districtCode, String runId,
                       Target target) {
        this.scenario = scenario;
        this.clock = clock;
        this.start = start;
        this.districtCode = districtCode;
        this.runId = runId;
        this.target = target;
    }

    /** Called on the drill thread after each event is sent. */
    public void setOnInjected(Consumer<Injection> listener) {
        this.onInjected = listener == null ? i -> { } : listener;
    }

    public synchronized void start() {
        if (ticking == null) {
            ticking = ticker.scheduleWithFixedDelay(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Sends the next pending event now, moving the drill's time forward to it; false when none is left. */
    public boolean injectNext() {
        try {
            return ticker.submit(() -> {
                synchronized (this) {
                    if (next >= scenario.events().size()) {
                        return false;
                    }
                    clock.skipTo(start.plus(scenario.events().get(next).offset()));
                    send(next++);
                    return true;
                }
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("injecting the next event failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** The events sent so far, in order. */
    public List<Injection> injected() {
        synchronized (injected) {
            return List.copyOf(injected);
        }
    }

    /** When the incident report was sent (drill time), once it has been. */
    public Optional<Injection> incident() {
        return injected().stream().filter(i -> i.index() == scenario.incidentEvent()).findFirst();
    }

    /** The message id the incident report carries (the drill case's report id). */
    public String incidentMessageId() {
        return messageId(scenario.incidentEvent());
    }

    /** The report id of the drill case the incident report opens: its sender and message id (see MessageKey). */
    public String incidentReportId() {
        ScriptedEvent incident = scenario.events().get(scenario.incidentEvent());
        return new MessageKey(incident.sender(), incidentMessageId()).reportId();
    }

    public synchronized int pending() {
        return scenario.events().size() - next;
    }

    public DrillScenario scenario() {
        return scenario;
    }

    public DrillClock clock() {
        return clock;
    }

    /** The drill time the scenario starts at. */
    public Instant startedAt() {
        return start;
    }

    private void tick() {
        try {
            synchronized (this) {
                Instant now = clock.instant();
                while (next < scenario.events().size() && !start.plus(scenario.events().get(next).offset()).isAfter(now)) {
                    send(next++);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "drill: an event could not be sent", e);
        }
    }

    private void send(int index) {
        ScriptedEvent event = scenario.events().get(index);
        Instant at = clock.instant();
        String id = messageId(index);
        if (event.isCameraSwitch()) {
            target.showCamera(event.cameraId());
        } else {
            ObjectNode message = DrillScenarioReader.materialise(event.message(), id, at);
            String topic = FeedTopic.of(districtCode, event.feedKind(), event.sender()).topic();
            byte[] payload;
            try {
                payload = JSON.writeValueAsBytes(message);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            target.send(new FeedDelivery(topic, payload, at, () -> { }));
        }
        Injection injection = new Injection(index, event, at, id);
        injected.add(injection);
        onInjected.accept(injection);
    }

    private String messageId(int index) {
        return "DRILL-" + runId + "-" + index;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    /** For tests: the UTF-8 text of a delivery. */
    static String text(FeedDelivery d) {
        return new String(d.payload(), StandardCharsets.UTF_8);
    }
}
