package org.gridcommand.address;

import java.util.Locale;
import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * The first letters of a text's pinyin, as an officer types them to find 金鼎路 with "jdl". A character with more than
 * one reading (栅 zha/shan) keeps every initial it may have, so either spelling finds it. Letters and digits stand
 * for themselves; anything else (punctuation) has no initial.
 */
final class PinyinInitials {
    private PinyinInitials() {
    }

    /** One string of possible initials per character of {@code text} (empty for a character that has none). */
    static String[] of(String text) {
        String[] out = new String[text.length()];
        for (int i = 0; i < text.length(); i++) {
            out[i] = initials(text.charAt(i));
        }
        return out;
    }

    private static String initials(char c) {
        if (c < 0x80) {
            return Character.isLetterOrDigit(c) ? String.valueOf(Character.toLowerCase(c)) : "";
        }
        String[] readings = PinyinHelper.toHanyuPinyinStringArray(c);
        if (readings == null || readings.length == 0) {
            return "";
        }
        StringBuilder letters = new StringBuilder();
        for (String r : readings) {
            if (!r.isEmpty()) {
                String first = r.substring(0, 1).toLowerCase(Locale.ROOT);
                if (letters.indexOf(first) < 0) {
                    letters.append(first);
                }
            }
        }
        return letters.toString();
    }

    /** True when the letters match the initials of consecutive characters somewhere in the text. */
    static boolean contains(String[] initials, String letters) {
        if (letters.isEmpty()) {
            return true;
        }
        outer:
        for (int start = 0; start + letters.length() <= initials.length; start++) {
            for (int k = 0; k < letters.length(); k++) {
                if (initials[start + k].indexOf(letters.charAt(k)) < 0) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
