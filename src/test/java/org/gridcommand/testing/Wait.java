package org.gridcommand.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * Waiting on state, never on time: a test that needs something another thread does (a feed stores, a frame is
 * drawn, a broker answers) polls for the state it expects until a deadline, and when the deadline passes it fails
 * saying what it waited for and, where the caller gives one, what the state was then. The deadline is generous
 * (it is only reached when something is broken), so a slow machine costs time, not a red build.
 *
 * <p>The polling is Awaitility's: it starts at 10 ms and backs off to 50 ms, so a cheap condition answers quickly
 * and an expensive one (a store query) does not load the machine.
 */
public final class Wait {
    private static final long FIRST_POLL_MILLIS = 10;
    private static final long LONGEST_POLL_MILLIS = 50;

    private Wait() {
    }

    /** Returns once {@code condition} holds; fails with "timed out after … waiting until {@code what}". */
    public static void until(String what, Duration limit, BooleanSupplier condition) {
        until(() -> what, limit, condition);
    }

    /**
     * As {@link #until(String, Duration, BooleanSupplier)}; {@code what} is asked only on failure, so it can
     * describe the state at that moment (counts, health) after the words of what was awaited.
     */
    public static void until(Supplier<String> what, Duration limit, BooleanSupplier condition) {
        forValue(what, limit, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /** Returns the value once {@code value} yields one; fails as {@link #until(String, Duration, BooleanSupplier)}. */
    public static <T> T forValue(String what, Duration limit, Supplier<Optional<T>> value) {
        return forValue(() -> what, limit, value);
    }

    public static <T> T forValue(Supplier<String> what, Duration limit, Supplier<Optional<T>> value) {
        try {
            return poll().atMost(limit).until(value::get, Optional::isPresent).orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("timed out after " + seconds(limit) + " waiting until " + what.get());
        }
    }

    /**
     * True once {@code condition} holds, false if it still does not at the deadline: for callers that assert
     * with a message of their own (the state, counts) rather than fail here.
     */
    public static boolean within(Duration limit, BooleanSupplier condition) {
        try {
            until("", limit, condition);
            return true;
        } catch (AssertionError timedOut) {
            if (Thread.currentThread().isInterrupted()) {
                throw timedOut;
            }
            return false;
        }
    }

    /**
     * Checks that something does not happen: {@code invariant} is polled through the whole {@code window} and the
     * test fails at the first poll where it no longer holds, saying when. The window is the one place a test
     * spends a fixed time, because absence (no frame while detached, no reconnect after clear) has no state to
     * wait for; it is as short as the thing observed allows.
     */
    public static void holdsThroughout(String what, Duration window, BooleanSupplier invariant) {
        long start = System.nanoTime();
        long end = start + window.toNanos();
        try {
            // Awaitility checks the fail-fast condition at every poll before the awaited one (the window's end), so
            // the test fails at the first poll where the invariant breaks, not at the deadline.
            poll().atMost(window.plusSeconds(5)).failFast(() -> !invariant.getAsBoolean())
                    .until(() -> System.nanoTime() - end >= 0);
        } catch (TerminalFailureException e) {
            throw new AssertionError("no longer true after " + (System.nanoTime() - start) / 1_000_000 + " ms of "
                    + seconds(window) + ": " + what);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the window of " + seconds(window) + " did not end while checking that " + what);
        }
    }

    /** Polls from 10 ms, backing off to 50 ms, on the calling thread (TestFX and JavaFX tests call from theirs). */
    private static ConditionFactory poll() {
        return Awaitility.with().pollInSameThread().pollDelay(Duration.ZERO)
                .pollInterval((count, previous) -> Duration.ofMillis(
                        Math.min(LONGEST_POLL_MILLIS, FIRST_POLL_MILLIS << Math.min(Math.max(count - 1, 0), 5))));
    }

    private static String seconds(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }
}
