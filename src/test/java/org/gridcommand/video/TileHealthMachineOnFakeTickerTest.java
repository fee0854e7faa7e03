package org.gridcommand.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tile's health and reconnect rules on a fake ticker and clock (no libVLC, no FX, no real seconds): the real
 * timing runs in {@link VideoTileReconnectTest} and {@link VideoTileHangingStreamTest} with ffmpeg and libVLC. The
 * fake player stands in for the tile: it reports a release as "player stopped" and an attempt as "player started",
 * as {@link VideoTile} does.
 */
class TileHealthMachineOnFakeTickerTest {
    private static final long NS = 1;
    private static final Duration STALL = HealthPolicy.DEFAULT.stallTimeout();

    private final FakeTime time = new FakeTime();
    private final FakePlayer player = new FakePlayer();
    private final List<TileHealth> reports = new ArrayList<>();
    private int changes;
    private TileHealthMachine machine;

    @BeforeEach
    void makeMachine() {
        machine = new TileHealthMachine(time::nanos, time.clock(), player, () -> changes++);
        player.machine = machine;
        machine.setOnHealthChange(reports::add);
        assertThat(machine.policy()).isEqualTo(HealthPolicy.DEFAULT);
    }

    @Test
    void newPlayerGetsExactlyTheStallTimeoutForItsFirstPicture() {
        Instant startedAt = time.instant();
        startLive();
        assertThat(machine.state()).isEqualTo(TileState.CONNECTING);

        time.advance(STALL);
        machine.tick();
        assertThat(machine.state()).as("at exactly %s", STALL).isEqualTo(TileState.CONNECTING);

        time.advanceNanos(NS);
        machine.tick();
        assertThat(machine.state()).isEqualTo(TileState.SIGNAL_LOST);
        assertThat(machine.lostSince()).as("lost since the player started, its last sign of life").isEqualTo(startedAt);
        assertThat(machine.attempts()).isZero();
        assertThat(machine.retryPending()).isTrue();
        assertThat(machine.secondsToNextAttempt()).hasValue(1);
        assertThat(player.calls).as("a silent player keeps listening until an attempt replaces it").isEmpty();
    }

    @Test
    void watchdogFiresExactlyAtTheLimitAfterTheLastDecodedPicture() {
        startLive();
        time.advance(Duration.ofMillis(300));
        machine.pictureDelivered(time.nanos());
        machine.pictureShown();
        assertThat(machine.state()).isEqualTo(TileState.PLAYING);
        time.advance(Duration.ofSeconds(20));
        Instant lastPicture = time.instant();
        machine.pictureDecoded(time.nanos());

        time.advance(STALL);
        machine.tick();
        assertThat(machine.state()).isEqualTo(TileState.PLAYING);
        time.advanceNanos(NS);
        machine.tick();

        assertThat(machine.state()).isEqualTo(TileState.SIGNAL_LOST);
        assertThat(machine.lostSince()).isEqualTo(lastPicture);
    }

    @Test
    void attemptsThatFailAtOnceAreSpacedOneTwoFourEightSixteenThenThirtySeconds() {
        player.attemptsFailAtOnce = true;
        startLive();
        showFirstPicture();
        Instant lastPicture = time.instant();
        time.advance(Duration.ofSeconds(1));
        machine.playerFailed("stream ended: udp://@239.0.0.1:1234");
        assertThat(machine.state()).isEqualTo(TileState.SIGNAL_LOST);
        assertThat(player.calls).containsExactly("release");

        List<Long> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 8; attempt++) {
            long wait = machine.secondsToNextAttempt().orElseThrow();
            waits.add(wait);
            time.advance(Duration.ofSeconds(wait).minusNanos(1));
            machine.tick();
            assertThat(machine.attempts()).as("1 ns before attempt %d", attempt).isEqualTo(attempt - 1);
            time.advanceNanos(NS);
            machine.tick();
            assertThat(machine.attempts()).as("attempt %d on time", attempt).isEqualTo(attempt);
            assertThat(machine.state()).isEqualTo(TileState.SIGNAL_LOST);
            assertThat(machine.lostSince()).as("lost since does not move while reconnecting").isEqualTo(lastPicture);
        }

        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(player.calls.stream().filter("attempt"::equals).count()).isEqualTo(8);
    }

    @Test
    void silentAttemptGetsTheStallTimeoutThenTheNextWaitIsLonger() {
        startLive();
        showFirstPicture();
        time.advance(STALL.plusNanos(1));
        machine.tick();
        Instant lostSince = machine.lostSince();
        time.advance(Duration.ofSeconds(1));
        machine.tick();
        assertThat(player.calls).containsExactly("release", "attempt");
        assertThat(machine.attempts()).isEqualTo(1);
        assertThat(machine.retryPending()).isFalse();

        // The attempt's player opens but never shows a picture.
        time.advance(STALL);
        machine.tick();
        assertThat(machine.retryPending()).isFalse();
        time.advanceNanos(NS);
        machine.tick();

        assertThat(machine.state()).isEqualTo(TileState.SIGNAL_LOST);
        assertThat(machine.lostSince()).isEqualTo(lostSince);
        assertThat(machine.secondsToNextAttempt()).hasValue(2);
        assertThat(player.calls).as("the silent attempt keeps listening").containsExactly("release", "attempt");
    }

    @Test
    void pictureFromAnAttemptBringsTheTileBackAndAGoodStretchResetsTheBackOff() {
        startLive();
        showFirstPicture();
        loseByError();
        time.advance(Duration.ofSeconds(1));
        machine.tick();
        assertThat(machine.attempts()).isEqualTo(1);

        time.advance(Duration.ofMillis(700));
        machine.pictureDelivered(time.nanos());
        machine.tick();
        assertThat(machine.state()).isEqualTo(TileState.PLAYING);
        assertThat(machine.lostSince()).isNull();
        assertThat(machine.attempts()).as("kept until the picture has flowed a while").isEqualTo(1);
        long backAt = time.nanos();

        Duration stable = HealthPolicy.DEFAULT.stableAfter();
        for (long t = 250_000_000L; t < stable.toNanos(); t += 250_000_000L) {
            time.setNanos(backAt + t);
            machine.pictureDecoded(time.nanos());
            machine.tick();
            assertThat(machine.attempts()).as("%d ms after the picture came back", t / 1_000_000).isEqualTo(1);
        }
        time.setNanos(backAt + stable.toNanos());
        machine.pictureDecoded(time.nanos());
        machine.tick();
        assertThat(machine.attempts()).isZero();
        assertThat(machine.state()).isEqualTo(TileState.PLAYING);

        loseByError();
        assertThat(machine.secondsToNextAttempt()).as("the back-off starts again at 1 s").hasValue(1);
    }

    @Test
    void lossBeforeTheGoodStretchIsOverContinuesTheBackOff() {
        startLive();
        showFirstPicture();
        loseByError();
        time.advance(Duration.ofSeconds(1));
        machine.tick();
        time.advance(Duration.ofMillis(500));
        machine.pictureDelivered(time.nanos());
        machine.tick();
        assertThat(machine.state()).isEqualTo(TileState.PLAYING);

        time.advance(HealthPolicy.DEFAULT.stableAfter().minusMillis(1));
        machine.pictureDecoded(time.nanos());
        machine.tick();
        loseByError();

        assertThat(machine.attempts()).isEqualTo(1);
        assertThat(machine.secondsToNextAttempt()).hasValue(2);
    }

    @Test
    void oldPlayerThatCatchesUpBringsTheTileBackWithoutAnAttempt() {
        startLive();
        showFirstPicture();
        time.advance(STALL.plusNanos(1));
        machine.tick();
        assertThat(machine.state()).isEqualTo(TileState.SIGNAL_LOST);

        // libVLC showing its last picture again is not a picture coming back.
        time.advance(Duration.ofMillis(300));
        machine.pictureShown();
        machine.tick();
        assertThat(machine.state()).isEqualTo(TileState.SIGNAL_LOST);

        machine.pictureDecoded(time.nanos());
        machine.tick();

        assertThat(machine.state()).isEqualTo(TileState.PLAYING);
        assertThat(machine.retryPending()).isFalse();
        assertThat(machine.attempts()).isZero();
        time.advance(Duration.ofSeconds(2));
        machine.pictureDecoded(time.nanos());
        machine.tick();
        assertThat(player.calls).as("no attempt once the picture is back").isEmpty();
    }

    @Test
    void liveErrorIsLostAtOnceAndReleasesThePlayer() {
        startLive();
        showFirstPicture();
        Instant lastPicture = time.instant();
        time.advance(Duration.ofMillis(1500));

        machine.playerFailed("libVLC reported an error opening rtsp://10.0.0.7/main");

        assertThat(machine.state()).isEqualTo(TileState.SIGNAL_LOST);
        assertThat(machine.lostSince()).isEqualTo(lastPicture);
        assertThat(player.calls).containsExactly("release");
        assertThat(machine.secondsToNextAttempt()).hasValue(1);
        time.advance(Duration.ofMillis(400));
        assertThat(machine.secondsToNextAttempt()).as("rounded up").hasValue(1);
        time.advance(Duration.ofMillis(600));
        assertThat(machine.secondsToNextAttempt()).hasValue(0);
    }

    @Test
    void fileThatFailsOrEndsHasNoSignalAndIsNeverRetried() {
        machine.assign("demo", "demo clip");
        machine.playerStarted(false);
        machine.connecting();
        showFirstPicture();

        machine.playerFailed("stream ended: file:///clips/clip-1.mp4");

        assertThat(machine.state()).isEqualTo(TileState.NO_SIGNAL);
        assertThat(machine.retryPending()).isFalse();
        time.advance(Duration.ofMinutes(5));
        machine.tick();
        assertThat(machine.state()).isEqualTo(TileState.NO_SIGNAL);
        assertThat(player.calls).as("the last picture stays; nothing is released or retried").isEmpty();
    }

    @Test
    void hiddenTileWatchesNothingEvenWithAnAttemptPending() {
        startLive();
        showFirstPicture();
        loseByError();
        assertThat(machine.retryPending()).isTrue();

        // The tile leaves the screen: it stops its player, then the machine goes idle.
        machine.playerStopped();
        machine.idle();

        assertThat(machine.state()).isEqualTo(TileState.IDLE);
        assertThat(machine.retryPending()).isFalse();
        assertThat(machine.lostSince()).isNull();
        time.advance(Duration.ofMinutes(10));
        machine.tick();
        assertThat(machine.state()).isEqualTo(TileState.IDLE);
        assertThat(player.calls).containsExactly("release");
    }

    @Test
    void hiddenWhilePlayingNeverDeclaresTheSignalLost() {
        startLive();
        showFirstPicture();
        machine.playerStopped();
        machine.idle();

        time.advance(Duration.ofMinutes(10));
        machine.tick();

        assertThat(machine.state()).isEqualTo(TileState.IDLE);
        assertThat(reports).extracting(TileHealth::state)
                .containsExactly(TileState.CONNECTING, TileState.PLAYING, TileState.IDLE);
    }

    @Test
    void errorFromAPlayerThatIsGoneIsIgnored() {
        startLive();
        showFirstPicture();
        machine.playerStopped();
        machine.idle();

        // libVLC's event for the released player arrives late.
        machine.playerFailed("stream ended: udp://@239.0.0.1:1234");
        machine.pictureDelivered(time.nanos());
        machine.pictureShown();
        time.advance(Duration.ofSeconds(30));
        machine.tick();

        assertThat(machine.state()).isEqualTo(TileState.IDLE);
        assertThat(player.calls).isEmpty();
    }

    @Test
    void comingBackOnScreenStartsAfresh() {
        startLive();
        showFirstPicture();
        loseByError();
        time.advance(Duration.ofSeconds(1));
        machine.tick();
        machine.playerStopped();
        machine.idle();

        startLive();

        assertThat(machine.state()).isEqualTo(TileState.CONNECTING);
        assertThat(machine.attempts()).isZero();
        assertThat(machine.lostSince()).isNull();
    }

    @Test
    void attemptThatCannotStartLeavesNoSignal() {
        player.attemptsCannotPlay = true;
        startLive();
        showFirstPicture();
        loseByError();
        time.advance(Duration.ofSeconds(1));

        machine.tick();

        assertThat(machine.state()).isEqualTo(TileState.NO_SIGNAL);
        assertThat(machine.attempts()).isZero();
        assertThat(machine.retryPending()).isFalse();
    }

    @Test
    void engineUnavailableAndUnusableUrlAreStatesWithoutRetry() {
        machine.assign("cam-1", "东门");
        machine.engineUnavailable();
        assertThat(machine.state()).isEqualTo(TileState.UNAVAILABLE);
        machine.cannotPlay();
        assertThat(machine.state()).isEqualTo(TileState.NO_SIGNAL);
        time.advance(Duration.ofMinutes(1));
        machine.tick();
        assertThat(machine.state()).isEqualTo(TileState.NO_SIGNAL);
        assertThat(player.calls).isEmpty();
    }

    @Test
    void reportsEveryChangeOnceWithTheCameraForTheStatusBoard() {
        startLive();
        showFirstPicture();
        time.advance(Duration.ofSeconds(2));
        Instant lastPicture = time.instant();
        machine.pictureDecoded(time.nanos());
        time.advance(STALL.plusMillis(250));
        machine.tick();
        for (int i = 0; i < 3; i++) {
            time.advance(Duration.ofMillis(250));
            machine.tick(); // countdown ticks: nothing new to report
        }
        time.advance(Duration.ofMillis(250));
        machine.tick(); // the first attempt, 1 s after the loss
        machine.connecting();
        machine.connecting(); // the same content again is not reported twice

        assertThat(reports).extracting(TileHealth::state).containsExactly(TileState.CONNECTING, TileState.PLAYING,
                TileState.SIGNAL_LOST, TileState.SIGNAL_LOST, TileState.CONNECTING);
        assertThat(reports).allSatisfy(h -> {
            assertThat(h.cameraId()).isEqualTo("34020000001320000007");
            assertThat(h.cameraName()).isEqualTo("东门 UDP");
        });
        TileHealth lost = reports.get(2);
        assertThat(lost.lost()).isTrue();
        assertThat(lost.lostSince()).isEqualTo(lastPicture);
        assertThat(lost.reconnectAttempts()).isZero();
        assertThat(lost.at()).isEqualTo(lastPicture.plus(STALL).plusMillis(250));
        assertThat(reports.get(3).reconnectAttempts()).isEqualTo(1);
        assertThat(reports.get(3).lostSince()).isEqualTo(lastPicture);
        assertThat(reports.get(1).online()).isTrue();
        assertThat(machine.health()).isEqualTo(new TileHealth("34020000001320000007", "东门 UDP",
                TileState.CONNECTING, null, 1, time.instant()));
    }

    @Test
    void newCameraOnTheSameStateIsReportedAndAThrowingListenerIsIgnored() {
        machine.setOnHealthChange(h -> {
            reports.add(h);
            throw new IllegalStateException("status board down");
        });
        machine.assign("cam-a", "A");
        machine.idle();
        machine.assign("cam-b", "B");
        machine.idle();
        machine.idle();

        assertThat(reports).extracting(TileHealth::cameraId).containsExactly("cam-a", "cam-b");
        assertThat(machine.state()).isEqualTo(TileState.IDLE);
    }

    @Test
    void everyChangeReachesTheTileHook() {
        int before = changes;
        startLive();
        assertThat(changes).as("assign resets, connecting sets").isEqualTo(before + 2);
        showFirstPicture();
        assertThat(changes).isEqualTo(before + 3);
    }

    @Test
    void policyAppliesFromTheNextCheck() {
        startLive();
        showFirstPicture();
        machine.setPolicy(HealthPolicy.DEFAULT.withStallTimeout(Duration.ofSeconds(2)));
        time.advance(Duration.ofSeconds(2).plusNanos(1));
        machine.tick();
        assertThat(machine.state()).isEqualTo(TileState.SIGNAL_LOST);
    }

    /** A live camera on the tile with a fresh player, as {@code VideoTile.show} on screen does it. */
    private void startLive() {
        machine.assign("34020000001320000007", "东门 UDP");
        machine.playerStarted(true);
        machine.connecting();
    }

    private void showFirstPicture() {
        time.advance(Duration.ofMillis(400));
        machine.pictureDelivered(time.nanos());
        machine.pictureShown();
        assertThat(machine.state()).isEqualTo(TileState.PLAYING);
    }

    private void loseByError() {
        machine.playerFailed("stream ended");
        assertThat(machine.state()).isEqualTo(TileState.SIGNAL_LOST);
    }

    /**
     * A ticker and a wall clock that move together, only when told. The ticker starts just below
     * {@code Long.MAX_VALUE}, so it wraps during a test, as {@link System#nanoTime()} may: intervals must be
     * differences, never comparisons of raw values.
     */
    private static final class FakeTime {
        private static final long ORIGIN = Long.MAX_VALUE - Duration.ofSeconds(30).toNanos();
        private static final Instant WALL_ORIGIN = Instant.parse("2026-11-27T12:39:45Z");
        private long nanos = ORIGIN;

        long nanos() {
            return nanos;
        }

        void setNanos(long value) {
            nanos = value;
        }

        void advance(Duration d) {
            nanos += d.toNanos();
        }

        void advanceNanos(long n) {
            nanos += n;
        }

        Instant instant() {
            return WALL_ORIGIN.plusNanos(nanos - ORIGIN);
        }

        Clock clock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Instant instant() {
                    return FakeTime.this.instant();
                }
            };
        }
    }

    /** Stands in for the tile's player handling, reporting back to the machine as the tile does. */
    private static final class FakePlayer implements TileHealthMachine.Player {
        final List<String> calls = new ArrayList<>();
        TileHealthMachine machine;
        boolean attemptsFailAtOnce;
        boolean attemptsCannotPlay;

        @Override
        public void release() {
            calls.add("release");
            machine.playerStopped();
        }

        @Override
        public void startAttempt() {
            calls.add("attempt");
            if (attemptsCannotPlay) {
                machine.cannotPlay();
                return;
            }
            machine.playerStarted(true);
            if (attemptsFailAtOnce) {
                machine.playerFailed("libVLC reported an error opening udp://@239.0.0.1:1234");
            }
        }
    }
}
