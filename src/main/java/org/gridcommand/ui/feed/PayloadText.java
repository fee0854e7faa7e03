package org.gridcommand.ui.feed;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What came from a field device, made safe to put on screen: every character that would act rather than show
 * (control characters, bidirectional overrides, invisible format characters, line separators, lone surrogates)
 * becomes a visible escape, and bytes that are not UTF-8 become {@code \xNN}. Nothing a device sends can move,
 * hide or reorder the text around it. Plain Java, no JavaFX.
 *
 * <p>Escapes: a C0 control or DEL as {@code \x1B} (the byte it is); any other such character as a backslash,
 * "u", and its code point in braces ({@code u{202E}}), a notation JSON does not have, so it cannot be confused with
 * a JSON escape the device sent as text, which stays as sent.
 */
public final class PayloadText {
    private static final long KIB = 1024;

    private PayloadText() {
    }

    /**
     * A payload's bytes as text: UTF-8 where they are UTF-8, {@code \xNN} where not (also a character cut by the
     * end of a kept prefix). A line feed is shown as {@code \x0A} and then breaks the line, so a pretty-printed
     * payload stays readable and the break is still visible.
     */
    public static String of(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return "";
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(payload);
        CharBuffer out = CharBuffer.allocate(payload.length);
        StringBuilder text = new StringBuilder(payload.length + 16);
        while (in.hasRemaining()) {
            CoderResult result = decoder.decode(in, out, true);
            out.flip();
            escapeInto(text, out, true);
            out.clear();
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    hexByte(text, in.get());
                }
            } else if (result.isUnderflow() && in.hasRemaining()) {
                // Only an incomplete sequence at the very end is left over: it was cut, show its bytes.
                while (in.hasRemaining()) {
                    hexByte(text, in.get());
                }
            }
        }
        return text.toString();
    }

    /** One line of text from outside (a topic, a sender, a sentence quoting a payload), every escape inline. */
    public static String line(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(s.length() + 8);
        escapeInto(text, CharBuffer.wrap(s), false);
        return text.toString();
    }

    /** A size for people: 312 B, 4 KiB, 20 MiB, 1.5 GiB (one decimal, none when it is 0). */
    public static String size(long bytes) {
        if (bytes < KIB) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= KIB && unit < units.length - 1) {
            value /= KIB;
            unit++;
        }
        String figure = String.format(Locale.ROOT, "%.1f", value);
        return (figure.endsWith(".0") ? figure.substring(0, figure.length() - 2) : figure) + " " + units[unit];
    }

    /** The first 12 hex digits of a digest and "…", enough to tell two payloads apart at a glance; "—" for none. */
    public static String shortDigest(String sha256) {
        if (sha256 == null || sha256.isBlank()) {
            return "—";
        }
        String hex = line(sha256);
        return hex.length() <= 12 ? hex : hex.substring(0, 12) + "…";
    }

    private static void escapeInto(StringBuilder text, CharSequence chars, boolean breakAfterLineFeed) {
        int i = 0;
        while (i < chars.length()) {
            int cp = Character.codePointAt(chars, i);
            i += Character.charCount(cp);
            if (cp < 0x20 || cp == 0x7f) {
                hexByte(text, (byte) cp);
                if (cp == '\n' && breakAfterLineFeed) {
                    text.append('\n');
                }
            } else if (actsRatherThanShows(cp)) {
                text.append("\\u{").append(String.format(Locale.ROOT, "%04X", cp)).append('}');
            } else {
                text.appendCodePoint(cp);
            }
        }
    }

    private static boolean actsRatherThanShows(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }

    private static void hexByte(StringBuilder text, byte b) {
        text.append("\\x").append(String.format(Locale.ROOT, "%02X", b & 0xff));
    }
}
