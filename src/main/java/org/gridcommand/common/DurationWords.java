package org.gridcommand.common;

import java.time.Duration;

/**
 * A duration as a reader says it, in the words of the bundle's language: "不足 1 分钟", "45 分钟", "3 小时 20 分钟",
 * "32 小时" (or "under 1 min", "45 min", "3 h 20 min", "32 h"). Minutes are given while they matter — under a day;
 * beyond that whole hours, since twenty minutes on a day and a half change nothing a leader decides.
 */
public final class DurationWords {
    /** From this long on, whole hours only. */
    static final Duration HOURS_ONLY = Duration.ofHours(24);

    private DurationWords() {
    }

    /** The words for {@code d}, or "—" when there is none (no case reached that stage). */
    public static String of(Duration d, Messages text) {
        if (d == null) {
            return "—";
        }
        if (d.compareTo(Duration.ofMinutes(1)) < 0) {
            return text.get("durationWords.underMinute");
        }
        long minutes = Math.round(d.toMillis() / 60_000.0);
        if (minutes < 60) {
            return text.format("durationWords.minutes", minutes);
        }
        if (d.compareTo(HOURS_ONLY) < 0) {
            long hours = minutes / 60;
            long rest = minutes % 60;
            return rest == 0 ? text.format("durationWords.hours", hours)
                    : text.format("durationWords.hoursMinutes", hours, rest);
        }
        return text.format("durationWords.hours", Math.round(d.toMillis() / 3_600_000.0));
    }
}
