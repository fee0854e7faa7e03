package org.gridcommand.ui.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.gridcommand.common.Messages;
import org.gridcommand.feed.QuarantineReason;
import org.junit.jupiter.api.Test;

/** What a device sent, on screen as text that cannot act: escapes for what would, sizes and digests for people. */
class PayloadTextTest {
    @Test
    void controlCharactersAndBidiOverridesBecomeVisibleEscapes() {
        byte[] payload = "{\"d\":\"a\u001B[2Jb\u202Eevil\u200B\u0000\r\u0085\u2028\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(PayloadText.of(payload))
                .isEqualTo("{\"d\":\"a\\x1B[2Jb\\u{202E}evil\\u{200B}\\x00\\x0D\\u{0085}\\u{2028}\"}");
    }

    @Test
    void aJsonEscapeSentAsTextStaysAsSentAndReadableTextStaysReadable() {
        String sent = "{\"note\":\"\\u202e 井盖缺失 \\\" ok\",\"emoji\":\"🔥\"}";
        assertThat(PayloadText.of(sent.getBytes(StandardCharsets.UTF_8))).isEqualTo(sent);
    }

    @Test
    void bytesThatAreNotUtf8AreShownAsHexAndALineFeedStaysVisibleButBreaksTheLine() {
        byte[] payload = {'{', (byte) 0xC3, '(', (byte) 0xFF, '\n', '}'};
        assertThat(PayloadText.of(payload)).isEqualTo("{\\xC3(\\xFF\\x0A\n}");
        assertThat(PayloadText.line("a\nb\tc")).isEqualTo("a\\x0Ab\\x09c");
    }

    @Test
    void aCharacterCutByTheEndOfTheKeptPrefixShowsItsBytes() {
        byte[] whole = "火警".getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(whole, 4);
        assertThat(PayloadText.of(cut)).isEqualTo("火\\xE8");
    }

    @Test
    void nothingIsShownAsNothing() {
        assertThat(PayloadText.of(null)).isEmpty();
        assertThat(PayloadText.of(new byte[0])).isEmpty();
        assertThat(PayloadText.line(null)).isEmpty();
    }

    @Test
    void sizesForPeople() {
        assertThat(PayloadText.size(0)).isEqualTo("0 B");
        assertThat(PayloadText.size(312)).isEqualTo("312 B");
        assertThat(PayloadText.size(4_096)).isEqualTo("4 KiB");
        assertThat(PayloadText.size(1_536)).isEqualTo("1.5 KiB");
        assertThat(PayloadText.size(20L * 1024 * 1024)).isEqualTo("20 MiB");
        assertThat(PayloadText.size(3L * 1024 * 1024 * 1024 / 2)).isEqualTo("1.5 GiB");
    }

    @Test
    void aDigestIsShortenedToTwelveDigits() {
        String sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        assertThat(PayloadText.shortDigest(sha)).isEqualTo("9f86d081884c…");
        assertThat(PayloadText.shortDigest(null)).isEqualTo("—");
    }

    @Test
    void everyQuarantineReasonHasWordsInBothLanguages() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Messages.ZH_CN}) {
            Messages text = Messages.forLocale(locale);
            for (QuarantineReason reason : QuarantineReason.values()) {
                assertThat(text.has("quarantine.reason." + reason.name())).as("%s in %s", reason, locale).isTrue();
            }
        }
        assertThat(Messages.forLocale(Messages.ZH_CN).get("quarantine.reason.STORE_REFUSED")).isEqualTo("数据库拒绝存储");
        assertThat(Messages.forLocale(Locale.ENGLISH).get("quarantine.reason.OVERSIZED")).isEqualTo("too large, refused unread");
    }
}
