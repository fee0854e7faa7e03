package org.gridcommand.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting on state, never on time: a test that needs something another thread does (a feed stores, a frame is
 * drawn, a broker answers) polls for the state it expects until a deadline, and when the deadline passes it fails
 * saying what it waited for and, where the caller gives one, what the state was then. The deadline is generous
 * (it is only reached when something is broken), so a slow machine costs time, not a red build.
 *
 * <p>The poll starts at 10 ms and backs off to 50 ms, so a cheap condition answers quickly and an expensive one
 * (a store query) does not load the machine. Elapsed time is measured on {@link System#nanoTime()}, which a
 * change of the wall clock does not move.
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
        long deadline = System.nanoTime() + limit.toNanos();
        long poll = FIRST_POLL_MILLIS;
        while (true) {
            Optional<T> found = value.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + seconds(limit) + " waiting until " + what.get());
            }
            try {
                // The poll period of a wait on state, not a guess at how long something takes.
                Thread.sleep(poll);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what.get(), e);
            }
            poll = Math.min(LONGEST_POLL_MILLIS, poll * 2);
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
        long poll = FIRST_POLL_MILLIS;
        while (true) {
            if (!invariant.getAsBoolean()) {
                throw new AssertionError("no longer true after " + (System.nanoTime() - start) / 1_000_000 + " ms of "
                        + seconds(window) + ": " + what);
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.min(poll, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while checking that " + what, e);
            }
            poll = Math.min(LONGEST_POLL_MILLIS, poll * 2);
        }
    }

    private static String seconds(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }
}
