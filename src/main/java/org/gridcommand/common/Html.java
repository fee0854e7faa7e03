package org.gridcommand.common;

/** Text for the HTML pages the console writes (debriefs, handovers, reports). */
public final class Html {
    private Html() {
    }

    /** The text with the characters HTML gives a meaning escaped; null becomes empty. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
