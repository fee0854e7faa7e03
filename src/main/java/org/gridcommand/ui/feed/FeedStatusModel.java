package org.gridcommand.ui.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.gridcommand.common.Messages;
import org.gridcommand.feed.FeedAlertSettings;
import org.gridcommand.feed.FeedHealth;
import org.gridcommand.feed.FeedIngest;

/**
 * Turns the field feed's health into what the officer sees and hears: the status bar's line (its words, its look
 * and its tooltip), the alarm strip's notice while the feed is in trouble, and whether the alert tone sounds now
 * (when the feed turns to ALERT, then again every {@code repeat} while it stays so). When the trouble goes the line
 * says "recovered at" for {@link #RECOVERED_SHOWN}, and its tooltip names the last alert from then on.
 *
 * <p>Plain Java (no JavaFX), one instance per line, called from one thread: {@link #next} is asked every refresh.
 * Times are shown in the district's zone; the clock decides when the tone repeats and when the trouble ended.
 */
public final class FeedStatusModel {
    /** How long the line keeps saying "recovered at" after an alert clears. */
    public static final Duration RECOVERED_SHOWN = Duration.ofMinutes(5);
    /**
     * The store's sentence is cut to this many columns on the status bar (a Chinese character is two), so the line
     * fits a 1920-pixel bar beside the clock, the officer on duty and a waiting handover, in either language; the
     * tooltip has it whole.
     */
    static final int BAR_SENTENCE_COLUMNS = 68;
    /**
     * The store's sentence in the alarm strip is cut to this many columns, so that the notice takes at most three lines
     * above the queue at 1920 pixels even when the store's message is long and technical; the tooltip has it whole.
     */
    static final int NOTICE_SENTENCE_COLUMNS = 100;
    /** The alert's limits when {@code assets/feed/health.json} cannot be read: the values it ships with. */
    public static final FeedAlertSettings BUILT_IN = new FeedAlertSettings(Duration.ofSeconds(30), Duration.ofSeconds(60));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    /** The line's look; each is a style class ({@link #styleClass}) and never the only sign: the words say it too. */
    public enum Look {
        /** Storing as it arrives. */
        NORMAL,
        /** Storing, and some messages were quarantined. */
        QUARANTINED,
        /** Red, with a glyph, words and the tone. */
        ALERT,
        /** Storing again after an alert: says when it recovered. */
        RECOVERED;

        public String styleClass() {
            return switch (this) {
                case NORMAL -> "feed-normal";
                case QUARANTINED -> "feed-quarantine";
                case ALERT -> "feed-alert";
                case RECOVERED -> "feed-recovered";
            };
        }
    }

    /** Where the feed comes from: a broker (connected or not), or in-process (demo, drill) when brokerUrl is null. */
    public record Source(String brokerUrl, boolean connected) {
        public static final Source IN_PROCESS = new Source(null, false);
    }

    /**
     * What the officer sees and hears after one refresh.
     *
     * @param noticeTitle the alarm strip's heading while the feed is in ALERT (what is wrong, since when); null otherwise
     * @param notice      the alarm strip's words under it (the store's sentence, what waits, what it means); null otherwise
     * @param soundTone   play the alert tone now
     */
    public record Line(String text, String tooltip, Look look, String noticeTitle, String notice, boolean soundTone) {
        public boolean alert() {
            return look == Look.ALERT;
        }
    }

    /** The trouble of the last alert, for the tooltip after it cleared. */
    private record PastAlert(Instant from, Instant until, String words) {
    }

    private final Messages text;
    private final ZoneId zone;
    private final Clock clock;
    private final FeedAlertSettings settings;
    private final StoreWords failureWords;
    private Instant alertSince;
    private Instant lastTone;
    private String alertWords;
    private PastAlert pastAlert;

    public FeedStatusModel(Messages text, ZoneId zone, Clock clock, FeedAlertSettings settings) {
        this(text, zone, clock, settings, null);
    }

    /**
     * The store's failure in the officer's language, from the store's own diagnosis (the console knows how): the
     * whole sentence for the notice and the tooltip ("本地数据库 … 所在的磁盘已满 …") and a headline of a few words for
     * the status line ("磁盘已满"), which a long folder name would otherwise push out of sight.
     */
    public record StoreWords(java.util.function.Function<Throwable, String> sentence,
                               java.util.function.Function<Throwable, String> headline) {
        public StoreWords {
            Objects.requireNonNull(sentence, "sentence");
            Objects.requireNonNull(headline, "headline");
        }
    }

    /** @param failureWords how to word the store's failure; null: the feed's own sentence, in English */
    public FeedStatusModel(Messages text, ZoneId zone, Clock clock, FeedAlertSettings settings,
                           StoreWords failureWords) {
        this.failureWords = failureWords;
        this.text = Objects.requireNonNull(text, "text");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public FeedAlertSettings settings() {
        return settings;
    }

    /** The line for the feed's health now; remembers the alert's start and the last tone for the next call. */
    public Line next(FeedHealth health, Source source) {
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(source, "source");
        Instant now = clock.instant();
        if (health.level(settings) == FeedHealth.Level.ALERT) {
            return alert(health, now);
        }
        if (alertSince != null) {
            pastAlert = new PastAlert(alertSince, now, alertWords);
            alertSince = null;
            lastTone = null;
            alertWords = null;
        }
        return normal(health, source, now);
    }

    private Line alert(FeedHealth health, Instant now) {
        boolean tone;
        if (alertSince == null) {
            alertSince = now;
            tone = true;
        } else {
            tone = !now.isBefore(lastTone.plus(settings.repeat()));
        }
        if (tone) {
            lastTone = now;
        }
        long waiting = health.stats().unacknowledged();
        String line;
        String title;
        String notice;
        String tooltip;
        if (health.storeUnavailable()) {
            boolean worded = failureWords != null && health.storeFailure() != null;
            String sentence = PayloadText.line(worded ? failureWords.sentence().apply(health.storeFailure())
                    : health.storeProblem());
            String headline = worded ? PayloadText.line(failureWords.headline().apply(health.storeFailure())) : sentence;
            Instant since = health.storeProblemSince() != null ? health.storeProblemSince() : alertSince;
            String when = time(since, now);
            line = text.format("feed.alert.store", shortened(headline, BAR_SENTENCE_COLUMNS), when, waiting);
            title = text.format("feed.notice.store.title", when);
            String clause = sentence.replaceAll("[\\s.。:：;；]+$", "");
            // One line above the queue, which must keep its rows: the few words there, the whole sentence on hover.
            notice = text.format("feed.notice.store", worded ? headline : shortened(clause, NOTICE_SENTENCE_COLUMNS),
                    waiting);
            tooltip = title + " " + clause + "\n" + text.format("feed.notice.store", headline, waiting);
            alertWords = sentence;
        } else {
            String waited = duration(health.oldestWait());
            line = text.format("feed.alert.waiting", waiting, waited);
            title = text.get("feed.notice.waiting.title");
            notice = text.format("feed.notice.waiting", waiting, waited, duration(settings.unacknowledgedAlert()));
            tooltip = title + " " + notice;
            alertWords = text.format("feed.pastAlert.waiting", duration(settings.unacknowledgedAlert()));
        }
        return new Line(line, tooltip + "\n" + text.get("feed.tooltip.open"), Look.ALERT, title, notice, tone);
    }

    private Line normal(FeedHealth health, Source source, Instant now) {
        FeedIngest.Stats s = health.stats();
        String from = source.brokerUrl() == null ? text.get("feed.source.demo")
                : text.format(source.connected() ? "feed.source.connected" : "feed.source.reconnecting",
                PayloadText.line(source.brokerUrl()));
        String line = text.format("feed.status", from, s.stored() + s.reports(), s.quarantined(), s.unacknowledged());
        Look look = s.quarantined() > 0 ? Look.QUARANTINED : Look.NORMAL;
        StringBuilder tooltip = new StringBuilder(text.format("feed.tooltip", s.quarantined(),
                duration(settings.unacknowledgedAlert())));
        if (pastAlert != null) {
            tooltip.append('\n').append(text.format("feed.tooltip.lastAlert", time(pastAlert.from(), now),
                    time(pastAlert.until(), now), pastAlert.words()));
            if (now.isBefore(pastAlert.until().plus(RECOVERED_SHOWN))) {
                line = line + " · " + text.format("feed.recovered", time(pastAlert.until(), now));
                look = Look.RECOVERED;
            }
        }
        return new Line(line, tooltip.toString(), look, null, null, false);
    }

    /** HH:mm:ss in the district's zone; with the date when it is not today's. */
    private String time(Instant at, Instant now) {
        ZonedDateTime local = at.atZone(zone);
        boolean today = local.toLocalDate().equals(now.atZone(zone).toLocalDate());
        return (today ? TIME : DAY_TIME).format(local);
    }

    /** 45 s, 2 min, 1 h 5 min, 2 d 3 h. */
    private String duration(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        if (seconds < 60) {
            return text.format("duration.seconds", seconds);
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return text.format("duration.minutes", minutes);
        }
        if (minutes < 24 * 60) {
            return text.format("duration.hours", minutes / 60, minutes % 60);
        }
        return text.format("duration.days", minutes / (24 * 60), minutes % (24 * 60) / 60);
    }

    /** Cut to {@code columns} display columns, "…" included; a wide (CJK) character takes two. */
    static String shortened(String s, int columns) {
        if (s.codePoints().map(FeedStatusModel::width).sum() <= columns) {
            return s;
        }
        int used = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (used + width(cp) > columns - 1) {
                break;
            }
            used += width(cp);
            i += Character.charCount(cp);
        }
        return s.substring(0, i).stripTrailing() + "…";
    }

    private static int width(int cp) {
        return wide(cp) ? 2 : 1;
    }

    private static boolean wide(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF60);
    }
}
