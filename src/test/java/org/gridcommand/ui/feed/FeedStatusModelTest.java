package org.gridcommand.ui.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.gridcommand.common.DistrictTime;
import org.gridcommand.common.Messages;
import org.gridcommand.feed.FeedAlertSettings;
import org.gridcommand.feed.FeedHealth;
import org.gridcommand.feed.FeedIngest;
import org.gridcommand.testing.ManualClock;
import org.gridcommand.ui.feed.FeedStatusModel.Line;
import org.gridcommand.ui.feed.FeedStatusModel.Look;
import org.gridcommand.ui.feed.FeedStatusModel.Source;
import org.junit.jupiter.api.Test;

/**
 * The feed's line as the officer reads it, in both languages, from health snapshots on a clock the test moves:
 * normal, messages waiting too long, the store unable to write (its sentence and since when), the tone when the line
 * turns red and again only after the repeat, recovery by itself, and device words shown as escapes.
 */
class FeedStatusModelTest {
    /** 09:12:05 in the district (01:12:05 UTC). */
    private static final Instant T0 = Instant.parse("2026-03-02T01:12:05Z");
    private static final String DISK_FULL = "the disk holding the local store is full (No space left on device)";
    private static final FeedAlertSettings ALERT = new FeedAlertSettings(Duration.ofSeconds(30), Duration.ofSeconds(60));
    private static final Source BROKER = new Source("tcp://127.0.0.1:1883", true);

    private final ManualClock clock = new ManualClock(T0);

    private FeedStatusModel model(Locale locale) {
        return new FeedStatusModel(Messages.forLocale(locale), DistrictTime.ZONE, clock, ALERT);
    }

    /** Counters as the ingest keeps them: received − acknowledged wait. */
    private static FeedIngest.Stats stats(long stored, long reports, long quarantined, long waiting) {
        long received = stored + reports + quarantined + waiting;
        return new FeedIngest.Stats(received, stored, 0, quarantined, reports, 10, 0, 0, received - waiting);
    }

    private FeedHealth healthy(long stored, long reports, long quarantined) {
        return new FeedHealth(clock.instant(), stats(stored, reports, quarantined, 0), null, null, null);
    }

    private FeedHealth waiting(long count, Duration forHowLong) {
        Instant now = clock.instant();
        return new FeedHealth(now, stats(5_000, 0, 0, count), now.minus(forHowLong), null, null);
    }

    private FeedHealth storeDown(String words, Instant since, long count) {
        Instant now = clock.instant();
        return new FeedHealth(now, stats(5_000, 0, 0, count), count > 0 ? since : null, words, since);
    }

    @Test
    void aHealthyFeedNamesItsSourceAndCountsInBothLanguages() {
        Line en = model(Locale.ENGLISH).next(healthy(1_200, 34, 3), BROKER);
        assertThat(en.text()).isEqualTo("Field feed: connected to tcp://127.0.0.1:1883 · 1,234 stored · 3 quarantined · 0 waiting");
        assertThat(en.look()).isEqualTo(Look.QUARANTINED);
        assertThat(en.notice()).isNull();
        assertThat(en.soundTone()).isFalse();
        assertThat(en.tooltip()).contains("F8").contains("30 s");

        Line zh = model(Messages.ZH_CN).next(healthy(1_234, 0, 0), Source.IN_PROCESS);
        assertThat(zh.text()).isEqualTo("现场数据：演示模拟（无消息服务器） · 已入库 1,234 · 隔离 0 · 待确认 0");
        assertThat(zh.look()).isEqualTo(Look.NORMAL);

        Line reconnecting = model(Locale.ENGLISH).next(healthy(0, 0, 0), new Source("ssl://gc.example:8883", false));
        assertThat(reconnecting.text()).startsWith("Field feed: reconnecting to ssl://gc.example:8883 · ");
    }

    @Test
    void messagesWaitingLongerThanTheLimitTurnTheLineRedWithTheCountAndTheWait() {
        FeedStatusModel en = model(Locale.ENGLISH);
        // At the limit it is still normal: the alert is for longer than the limit.
        Line atLimit = en.next(waiting(1_234, Duration.ofSeconds(30)), BROKER);
        assertThat(atLimit.look()).isEqualTo(Look.NORMAL);
        assertThat(atLimit.text()).endsWith("· 1,234 waiting");

        clock.advance(Duration.ofSeconds(95));
        Line red = en.next(waiting(1_234, Duration.ofSeconds(125)), BROKER);
        assertThat(red.look()).isEqualTo(Look.ALERT);
        assertThat(red.alert()).isTrue();
        assertThat(red.text()).isEqualTo("⚠ Field feed: 1,234 messages waiting unacknowledged for 2 min");
        assertThat(red.noticeTitle()).isEqualTo("Field data delayed:");
        assertThat(red.notice()).isEqualTo("1,234 messages have waited unacknowledged for 2 min (alert after 30 s):"
                + " reports and sensor alarms may reach the queue late.");
        assertThat(red.soundTone()).isTrue();

        Line one = model(Locale.ENGLISH).next(waiting(1, Duration.ofSeconds(45)), BROKER);
        assertThat(one.text()).isEqualTo("⚠ Field feed: 1 message waiting unacknowledged for 45 s");

        Line zh = model(Messages.ZH_CN).next(waiting(1_234, Duration.ofSeconds(125)), BROKER);
        assertThat(zh.text()).isEqualTo("⚠ 现场数据：1,234 条消息待确认，已等待 2 分钟");
        assertThat(zh.noticeTitle()).isEqualTo("现场数据延迟：");
        assertThat(zh.notice()).isEqualTo("1,234 条消息已等待确认 2 分钟（超过 30 秒即告警）：网格员上报和传感器告警可能延迟进入事件队列。");
    }

    @Test
    void aStoreThatCannotWriteIsRedAtOnceWithItsSentenceAndSinceWhenInTheDistrictsTime() {
        clock.advance(Duration.ofSeconds(4));
        Line en = model(Locale.ENGLISH).next(storeDown(DISK_FULL, T0, 1_234), BROKER);
        assertThat(en.look()).isEqualTo(Look.ALERT);
        assertThat(en.text()).isEqualTo("⚠ Field data NOT STORED: " + DISK_FULL + " · since 09:12:05 · 1,234 waiting");
        assertThat(en.noticeTitle()).isEqualTo("Field data NOT STORED since 09:12:05:");
        assertThat(en.notice()).isEqualTo(DISK_FULL + " · 1,234 messages waiting, stored by themselves once this clears,"
                + " nothing lost · tell the technician on duty");
        assertThat(en.tooltip()).isEqualTo(en.noticeTitle() + " " + DISK_FULL + "\n" + en.notice()
                + "\nClick or F8: the quarantine.");
        assertThat(en.soundTone()).isTrue();

        Line zh = model(Messages.ZH_CN).next(storeDown(DISK_FULL, T0, 1_234), BROKER);
        assertThat(zh.text()).isEqualTo("⚠ 现场数据未能存储：" + DISK_FULL + " · 自 09:12:05 · 待确认 1,234 条");
        assertThat(zh.noticeTitle()).isEqualTo("现场数据自 09:12:05 起未能存储：");
        assertThat(zh.notice()).isEqualTo(DISK_FULL + " · 待确认 1,234 条，恢复后自动入库，不会丢失 · 请通知值班技术人员");

        // Even with nothing waiting (no message arrived since), a store that cannot write is an alert.
        Line idle = model(Locale.ENGLISH).next(storeDown(DISK_FULL, T0, 0), BROKER);
        assertThat(idle.look()).isEqualTo(Look.ALERT);
        assertThat(idle.notice()).contains("nothing waiting yet");
    }

    @Test
    void theStoresFailureIsWordedInTheOfficersLanguageWhenTheConsoleKnowsHow() {
        clock.advance(Duration.ofSeconds(4));
        IllegalStateException failure = new IllegalStateException(DISK_FULL);
        FeedHealth health = new FeedHealth(clock.instant(), stats(5_000, 0, 0, 12), T0, DISK_FULL, T0, failure);
        FeedStatusModel zh = new FeedStatusModel(Messages.forLocale(Messages.ZH_CN), DistrictTime.ZONE, clock,
                ALERT, new FeedStatusModel.StoreWords(f -> f == failure ? "本地数据库 /home/duty/.gridcommand/db 所在的磁盘已满"
                        : "?", f -> f == failure ? "磁盘已满" : "?"));
        Line line = zh.next(health, BROKER);
        // The line says it in a few words; the notice and the tooltip in the whole sentence.
        assertThat(line.text()).isEqualTo("⚠ 现场数据未能存储：磁盘已满 · 自 09:12:05 · 待确认 12 条");
        assertThat(line.notice()).isEqualTo("磁盘已满 · 待确认 12 条，恢复后自动入库，不会丢失 · 请通知值班技术人员");
        assertThat(line.tooltip()).contains("本地数据库 /home/duty/.gridcommand/db 所在的磁盘已满");
        // Without the console's words the feed's own sentence stands.
        assertThat(model(Messages.ZH_CN).next(health, BROKER).text()).contains(DISK_FULL);
    }

    @Test
    void troubleSinceAnotherDayShowsTheDate() {
        Instant yesterday = T0.minus(Duration.ofHours(20));
        Line en = model(Locale.ENGLISH).next(storeDown(DISK_FULL, yesterday, 7), BROKER);
        assertThat(en.text()).contains(" · since 03-01 13:12:05 · ");
    }

    @Test
    void theToneSoundsWhenTheLineTurnsRedAndAgainOnlyAfterTheRepeat() {
        FeedStatusModel en = model(Locale.ENGLISH);
        assertThat(en.next(healthy(10, 0, 0), BROKER).soundTone()).isFalse();
        assertThat(en.next(storeDown(DISK_FULL, T0, 3), BROKER).soundTone()).as("turning red").isTrue();
        for (int s = 2; s < 60; s += 2) {
            clock.advance(Duration.ofSeconds(2));
            assertThat(en.next(storeDown(DISK_FULL, T0, 3), BROKER).soundTone()).as("%d s into the alert", s).isFalse();
        }
        clock.advance(Duration.ofSeconds(2));
        assertThat(en.next(storeDown(DISK_FULL, T0, 3), BROKER).soundTone()).as("60 s into the alert").isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(en.next(storeDown(DISK_FULL, T0, 3), BROKER).soundTone()).as("62 s").isFalse();
        // A refresh that comes late still sounds once, and the next repeat counts from then.
        clock.advance(Duration.ofSeconds(75));
        assertThat(en.next(storeDown(DISK_FULL, T0, 3), BROKER).soundTone()).as("137 s").isTrue();
        clock.advance(Duration.ofSeconds(50));
        assertThat(en.next(storeDown(DISK_FULL, T0, 3), BROKER).soundTone()).as("187 s").isFalse();
        // The cause changing (store back, messages still waiting too long) is the same alert: no extra tone.
        clock.advance(Duration.ofSeconds(2));
        assertThat(en.next(waiting(3, Duration.ofMinutes(4)), BROKER).soundTone()).isFalse();
        // Recovered, then in trouble again: a new alert sounds at once.
        clock.advance(Duration.ofSeconds(2));
        assertThat(en.next(healthy(10, 0, 0), BROKER).soundTone()).isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(en.next(storeDown(DISK_FULL, clock.instant(), 1), BROKER).soundTone()).isTrue();
    }

    @Test
    void theLineRecoversByItselfSaysWhenForAWhileAndTheTooltipKeepsTheLastAlert() {
        FeedStatusModel en = model(Locale.ENGLISH);
        assertThat(en.next(storeDown(DISK_FULL, T0, 40), BROKER).look()).isEqualTo(Look.ALERT);
        clock.advance(Duration.ofSeconds(145));
        Line recovered = en.next(healthy(5_040, 0, 0), BROKER);
        assertThat(recovered.look()).isEqualTo(Look.RECOVERED);
        assertThat(recovered.notice()).as("the alarm strip clears").isNull();
        assertThat(recovered.soundTone()).isFalse();
        assertThat(recovered.text()).isEqualTo("Field feed: connected to tcp://127.0.0.1:1883 · 5,040 stored · 0"
                + " quarantined · 0 waiting · ✓ recovered at 09:14:30");
        assertThat(recovered.tooltip()).endsWith("Last alert 09:12:05–09:14:30: " + DISK_FULL);

        clock.advance(FeedStatusModel.RECOVERED_SHOWN.minusSeconds(2));
        assertThat(en.next(healthy(5_040, 0, 0), BROKER).look()).isEqualTo(Look.RECOVERED);
        clock.advance(Duration.ofSeconds(2));
        Line later = en.next(healthy(5_040, 0, 0), BROKER);
        assertThat(later.look()).isEqualTo(Look.NORMAL);
        assertThat(later.text()).doesNotContain("recovered");
        assertThat(later.tooltip()).contains("Last alert 09:12:05–09:14:30: " + DISK_FULL);

        FeedStatusModel zh = model(Messages.ZH_CN);
        zh.next(waiting(9, Duration.ofMinutes(1)), BROKER);
        clock.advance(Duration.ofSeconds(10));
        Line zhRecovered = zh.next(healthy(5_049, 0, 0), BROKER);
        assertThat(zhRecovered.text()).endsWith(" · ✓ 已于 09:19:40 恢复");
        assertThat(zhRecovered.tooltip()).endsWith("上次告警 09:19:30–09:19:40：消息待确认超过 30 秒");
    }

    @Test
    void aStoreSentenceIsShownAsTextCutOnTheBarAndInTheNoticeAndWholeInTheTooltip() {
        String hostile = "Value too long for column \"DETAIL\": \u202Edlrow olleh\u001B[31m and " + "x".repeat(200);
        Line en = model(Locale.ENGLISH).next(storeDown(hostile, T0, 2), BROKER);
        assertThat(en.text()).doesNotContain("\u202E").doesNotContain("\u001B")
                .contains("\\u{202E}dlrow olleh\\x1B[31m").contains("…");
        String onBar = en.text().substring("⚠ Field data NOT STORED: ".length(), en.text().indexOf(" · since "));
        assertThat(onBar).hasSizeLessThanOrEqualTo(FeedStatusModel.BAR_SENTENCE_COLUMNS).endsWith("…");
        assertThat(en.notice()).startsWith("Value too long for column \"DETAIL\": \\u{202E}dlrow olleh\\x1B[31m and xxx")
                .contains("x… · 2 messages waiting").doesNotContain("\u202E");
        String inNotice = en.notice().substring(0, en.notice().indexOf(" · 2 messages"));
        assertThat(inNotice).hasSize(FeedStatusModel.NOTICE_SENTENCE_COLUMNS);
        assertThat(en.tooltip()).contains(PayloadText.line(hostile) + " · 2 messages waiting");

        // The notice puts its own full stop after the store's sentence.
        Line dotted = model(Locale.ENGLISH).next(storeDown("the disk is full.", T0, 1), BROKER);
        assertThat(dotted.notice()).startsWith("the disk is full · 1 message waiting,");
    }

    @Test
    void theBarCutCountsAChineseCharacterAsTwoColumns() {
        assertThat(FeedStatusModel.shortened("磁盘已满".repeat(10), 20)).isEqualTo("磁盘已满磁盘已满磁…");
        assertThat(FeedStatusModel.shortened("short", 20)).isEqualTo("short");
        assertThat(FeedStatusModel.shortened("a".repeat(20), 20)).isEqualTo("a".repeat(20));
        assertThat(FeedStatusModel.shortened("a".repeat(21), 20)).isEqualTo("a".repeat(19) + "…");
    }

    @Test
    void theModelAndThePayloadTextArePlainJava() {
        com.tngtech.archunit.core.domain.JavaClasses classes = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .importClasses(FeedStatusModel.class, FeedStatusModel.Line.class, FeedStatusModel.Source.class,
                        FeedStatusModel.Look.class, PayloadText.class);
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("javafx..").because("the feed line's logic is unit tested without a toolkit")
                .check(classes);
    }
}
