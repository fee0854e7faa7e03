package org.gridcommand.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** XML 1.0's Char production, character by character. */
class XmlTextTest {
    @Test
    void everyCharacterXmlForbidsBecomesTheReplacementCharacter() {
        for (char forbidden : new char[] {'\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u000E', '\u001B', '\u001F',
                '\uFFFE', '\uFFFF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF'}) {
            assertThat(XmlText.legal("a" + forbidden + "b")).as("U+%04X", (int) forbidden).isEqualTo("a\uFFFDb");
        }
        // A low surrogate before its high one is two lone surrogates, not a pair.
        assertThat(XmlText.legal("\uDFB7\uD842")).isEqualTo("\uFFFD\uFFFD");
    }

    @Test
    void allowedTextIsKeptAsItIs() {
        String text = "居民楼\t三层\n起火\r𠮷 \u007F\uE000\uFFFD end";
        assertThat(XmlText.isLegal(text)).isTrue();
        assertThat(XmlText.legal(text)).isSameAs(text);
        assertThat(XmlText.legal(null)).isNull();
    }
}
