package org.gridcommand.fx;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * Fonts set in code (overlays drawn over video, canvas text). JavaFX's logical "System" family in bold has no
 * CJK fallback on Linux: Chinese camera names came out as boxes. A CJK family that is installed is named
 * explicitly; it carries Latin letters too.
 */
public final class Fonts {
    private static final String[] CJK_FAMILIES = {"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
            "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC"};
    private static volatile String family;

    private Fonts() {
    }

    public static Font of(FontWeight weight, double size) {
        return Font.font(family(), weight, size);
    }

    public static Font bold(double size) {
        return of(FontWeight.BOLD, size);
    }

    /** The first installed CJK family, or null (JavaFX's default) when none is. */
    public static String family() {
        String f = family;
        if (f == null) {
            java.util.List<String> installed = Font.getFamilies();
            f = "";
            for (String candidate : CJK_FAMILIES) {
                if (installed.contains(candidate)) {
                    f = candidate;
                    break;
                }
            }
            family = f;
        }
        return f.isEmpty() ? null : f;
    }
}
