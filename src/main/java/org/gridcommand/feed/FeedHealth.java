package org.gridcommand.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The field feed's state at one moment, for the status bar, the alarm strip and the logs: what it stored and
 * quarantined, how many deliveries wait unacknowledged and since when, and the store's trouble in words.
 *
 * @param oldestWaitingSince when the oldest delivery not yet acknowledged arrived; null when none waits
 * @param storeProblem       the store's last failure as a sentence, while it lasts; null when the store works
 * @param storeProblemSince  since when the store fails; null when it works
 * @param storeFailure       the failure itself while it lasts, so a screen can word it in its own language (the
 *                           store diagnoses a full disk, an unreachable server …); null when the store works
 */
public record FeedHealth(Instant at, FeedIngest.Stats stats, Instant oldestWaitingSince, String storeProblem,
                         Instant storeProblemSince, Throwable storeFailure) {
    private static final int MAX_WORDS = 300;

    public FeedHealth(Instant at, FeedIngest.Stats stats, Instant oldestWaitingSince, String storeProblem,
                      Instant storeProblemSince) {
        this(at, stats, oldestWaitingSince, storeProblem, storeProblemSince, null);
    }

    public FeedHealth {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(stats, "stats");
    }

    /** How the feed looks to the officer. */
    public enum Level {
        /** Storing as it arrives. */
        OK,
        /** Messages wait longer than the alert limit, or the store cannot write: red, with a sound. */
        ALERT
    }

    public boolean storeUnavailable() {
        return storeProblem != null;
    }

    /** How long the oldest unacknowledged delivery has waited; zero when none waits. */
    public Duration oldestWait() {
        if (oldestWaitingSince == null || oldestWaitingSince.isAfter(at)) {
            return Duration.ZERO;
        }
        return Duration.between(oldestWaitingSince, at);
    }

    public Level level(FeedAlertSettings alert) {
        return storeUnavailable() || oldestWait().compareTo(alert.unacknowledgedAlert()) > 0 ? Level.ALERT : Level.OK;
    }

    /**
     * A failure as one sentence for an officer or a log line: the message of the exception (the store words its own,
     * e.g. a full disk), its first line only, never a stack trace; the type when it has no message.
     */
    public static String words(Throwable e) {
        if (e == null) {
            return "unknown failure";
        }
        Throwable t = e;
        while ((t.getMessage() == null || t.getMessage().isBlank()) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName();
        }
        String line = message.strip().lines().findFirst().orElse(message).strip();
        return line.length() <= MAX_WORDS ? line : line.substring(0, MAX_WORDS - 1) + "…";
    }
}
