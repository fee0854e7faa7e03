package org.gridcommand.common;

/**
 * Text for the XML files the console writes (CAP alerts). XML 1.0 allows only TAB, LF, CR, U+0020–U+D7FF,
 * U+E000–U+FFFD and U+10000–U+10FFFF; anything else — the C0 control characters a field device or a pasted text
 * can carry (U+0001, ESC U+001B), U+FFFE, U+FFFF and a surrogate without its pair — makes the file not well-formed,
 * and an escape ({@code &#1;}) does not help: the character itself is forbidden. Each such character is replaced
 * by U+FFFD REPLACEMENT CHARACTER (�), so the reader sees that something was there rather than words silently
 * run together; every other character, Chinese text included, is kept as it is.
 */
public final class XmlText {
    /** What a character XML 1.0 forbids becomes. */
    public static final char REPLACEMENT = '\uFFFD';

    private XmlText() {
    }

    /** The text with every character XML 1.0 forbids replaced by U+FFFD; null stays null. */
    public static String legal(String text) {
        if (text == null || isLegal(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            // codePointAt returns a lone surrogate as itself, which isAllowed refuses.
            if (isAllowed(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(REPLACEMENT);
            }
            i += width;
        }
        return out.toString();
    }

    /** Whether every character of the text is allowed in an XML 1.0 document. */
    public static boolean isLegal(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!isAllowed(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** XML 1.0's production {@code Char}. */
    static boolean isAllowed(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
