package org.gridcommand.report;

import com.lowagie.text.pdf.BaseFont;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CJK font embedded in the report: Noto Sans CJK SC from Debian's fonts-noto-cjk (CFF outlines in a TrueType
 * collection, face 2 is Simplified Chinese). OpenPDF embeds only the glyphs used (a subset of about 200 KB, not the
 * 16 MB face). The system property {@code gridcommand.report.font} names another file ("FILE" or "FILE.ttc,N").
 */
public final class ReportFont {
    public static final String PROPERTY = "gridcommand.report.font";
    private static final String NOTO = "/usr/share/fonts/opentype/noto/";
    private static final List<String> REGULAR = List.of(NOTO + "NotoSansCJK-Regular.ttc,2",
            "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc,2");
    private static final List<String> BOLD = List.of(NOTO + "NotoSansCJK-Bold.ttc,2");

    private ReportFont() {
    }

    /** The regular face; fails naming where it looked and how to install one. */
    public static BaseFont regular() {
        String given = System.getProperty(PROPERTY);
        List<String> candidates = new ArrayList<>();
        if (given != null && !given.isBlank()) {
            candidates.add(given.trim());
        }
        candidates.addAll(REGULAR);
        return load(candidates, true);
    }

    /** The bold face for headings, or the regular one when no bold face is installed. */
    public static BaseFont bold(BaseFont regular) {
        if (System.getProperty(PROPERTY) != null) {
            return regular;
        }
        BaseFont b = load(BOLD, false);
        return b == null ? regular : b;
    }

    private static BaseFont load(List<String> candidates, boolean required) {
        List<String> problems = new ArrayList<>();
        for (String spec : candidates) {
            int comma = spec.lastIndexOf(',');
            Path file = Path.of(comma > 0 && spec.substring(comma + 1).matches("\\d+") ? spec.substring(0, comma) : spec);
            if (!Files.isReadable(file)) {
                problems.add(file + " (not found)");
                continue;
            }
            try {
                return BaseFont.createFont(spec, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            } catch (Exception e) {
                problems.add(spec + " (" + e.getMessage() + ")");
            }
        }
        if (!required) {
            return null;
        }
        throw new IllegalStateException("no Chinese (CJK) font for the report: tried " + String.join(", ", problems)
                + "; install fonts-noto-cjk (apt-get install fonts-noto-cjk) or name a font file with -D"
                + PROPERTY + "=FILE[,INDEX]");
    }
}
