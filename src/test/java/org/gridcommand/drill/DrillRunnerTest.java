package org.gridcommand.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gridcommand.feed.FeedDelivery;
import org.junit.jupiter.api.Test;

/** The runner against a recording target (the feed and the console are other tests' business). */
class DrillRunnerTest {
    @Test
    void injectNextSendsEveryEventInOrderWithItsDrillTimeAndFilledInIds() throws Exception {
        DrillScenario scenario = DrillScenarioReader.readShipped("residential-fire-0845");
        Instant start = Instant.parse("2026-11-27T00:40:00Z");
        DrillClock clock = new DrillClock(start, Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));
        clock.pause();
        List<FeedDelivery> sent = new CopyOnWriteArrayList<>();
        List<String> cameras = new CopyOnWriteArrayList<>();
        try (DrillRunner runner = new DrillRunner(scenario, clock, start, "440402", "T1", new DrillRunner.Target() {
            @Override
            public void send(FeedDelivery delivery) {
                sent.add(delivery);
            }

            @Override
            public void showCamera(String cameraId) {
                cameras.add(cameraId);
            }
        })) {
            runner.start();
            while (runner.injectNext()) {
                // every event, each at its own drill time
            }
            assertThat(runner.pending()).isZero();
            assertThat(runner.injected()).hasSize(scenario.events().size());
            assertThat(cameras).containsExactly("44040210001327000140");
            FeedDelivery report = sent.stream().filter(d -> d.topic().contains("/report/")).findFirst().orElseThrow();
            String json = new String(report.payload(), StandardCharsets.UTF_8);
            assertThat(report.topic()).isEqualTo("gc/v1/440402/report/W0108");
            assertThat(json).contains("\"id\":\"DRILL-T1-2\"").contains("\"at\":\"2026-11-27T00:45:00Z\"");
            assertThat(runner.incidentMessageId()).isEqualTo("DRILL-T1-2");
            assertThat(runner.incident().orElseThrow().at()).isEqualTo(Instant.parse("2026-11-27T00:45:00Z"));
            assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-27T01:00:00Z"));
        }
    }
}
