package org.gridcommand.drill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

/**
 * The drill's own time: starts at the scenario's moment (08:45 for the fire drill) and runs at ×1, ×2 or ×10,
 * or stands still while the trainer pauses. Every record the drill store writes (cases, trail, plan steps) is
 * stamped with it, so a debrief reads in scenario time whatever the speed. Thread-safe.
 */
public final class DrillClock extends Clock {
    public static final Set<Integer> SPEEDS = Set.of(1, 2, 10);

    private final Clock real;
    private final ZoneId zone;
    // Drill instant at the last change of speed or pause, and the real instant it was taken at.
    private Instant drillAtChange;
    private Instant realAtChange;
    private int speed = 1;
    private boolean paused;

    public DrillClock(Instant start, Clock real, ZoneId zone) {
        this.real = real;
        this.zone = zone;
        this.drillAtChange = start;
        this.realAtChange = real.instant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a drill clock keeps the district's zone");
    }

    @Override
    public synchronized Instant instant() {
        if (paused) {
            return drillAtChange;
        }
        Duration elapsed = Duration.between(realAtChange, real.instant());
        return drillAtChange.plus(elapsed.multipliedBy(speed));
    }

    /** @throws IllegalArgumentException for a speed other than 1, 2 or 10 */
    public synchronized void setSpeed(int newSpeed) {
        if (!SPEEDS.contains(newSpeed)) {
            throw new IllegalArgumentException("drill speed must be ×1, ×2 or ×10, got ×" + newSpeed);
        }
        rebase();
        speed = newSpeed;
    }

    public synchronized int speed() {
        return speed;
    }

    public synchronized void pause() {
        rebase();
        paused = true;
    }

    public synchronized void resume() {
        rebase();
        paused = false;
    }

    public synchronized boolean paused() {
        return paused;
    }

    /** Moves the drill's time forward at once (the trainer's "inject now" skips the wait to the next event). */
    public synchronized void skipTo(Instant drillInstant) {
        Instant now = instant();
        if (drillInstant.isAfter(now)) {
            realAtChange = real.instant();
            drillAtChange = drillInstant;
        }
    }

    private void rebase() {
        Instant now = instant();
        realAtChange = real.instant();
        drillAtChange = now;
    }
}
