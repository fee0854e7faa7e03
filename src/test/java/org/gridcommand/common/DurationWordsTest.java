package org.gridcommand.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Durations in a reader's words: minutes while short, hours and minutes under a day, whole hours beyond. */
class DurationWordsTest {
    private static final Messages ZH = Messages.forLocale(Messages.ZH_CN);
    private static final Messages EN = Messages.forLocale(Locale.ENGLISH);

    private static String zh(Duration d) {
        return DurationWords.of(d, ZH);
    }

    private static String en(Duration d) {
        return DurationWords.of(d, EN);
    }

    @Test
    void theIssuesNineteenHundredFortyMinutesReadAsThirtyTwoHours() {
        assertThat(zh(Duration.ofMinutes(1940))).isEqualTo("32 小时");
        assertThat(en(Duration.ofMinutes(1940))).isEqualTo("32 h");
    }

    @Test
    void underAMinuteAndMinutesWhileShort() {
        assertThat(zh(Duration.ZERO)).isEqualTo("不足 1 分钟");
        assertThat(en(Duration.ofSeconds(59))).isEqualTo("under 1 min");
        assertThat(zh(Duration.ofSeconds(60))).isEqualTo("1 分钟");
        assertThat(zh(Duration.ofSeconds(4 * 60 + 54))).isEqualTo("5 分钟");
        assertThat(en(Duration.ofMinutes(45))).isEqualTo("45 min");
        assertThat(zh(Duration.ofSeconds(59 * 60 + 29))).isEqualTo("59 分钟");
    }

    @Test
    void hoursWithTheirMinutesUnderADay() {
        assertThat(zh(Duration.ofSeconds(59 * 60 + 30))).isEqualTo("1 小时");
        assertThat(zh(Duration.ofMinutes(61))).isEqualTo("1 小时 1 分钟");
        assertThat(en(Duration.ofMinutes(200))).isEqualTo("3 h 20 min");
        assertThat(zh(Duration.ofMinutes(23 * 60 + 59))).isEqualTo("23 小时 59 分钟");
    }

    @Test
    void wholeHoursFromADayOn() {
        assertThat(zh(Duration.ofHours(24))).isEqualTo("24 小时");
        assertThat(en(Duration.ofMinutes(24 * 60 + 29))).isEqualTo("24 h");
        assertThat(en(Duration.ofMinutes(24 * 60 + 30))).isEqualTo("25 h");
        assertThat(zh(Duration.ofHours(1234))).isEqualTo("1,234 小时");
    }

    @Test
    void noDurationIsADash() {
        assertThat(zh(null)).isEqualTo("—");
    }
}
