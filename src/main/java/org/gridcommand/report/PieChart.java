package org.gridcommand.report;

import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's pie: wedges from 12 o'clock, clockwise, in the legend's order. Each wedge is one closed path — the
 * centre, out to the rim, along the rim, back — because {@code PdfContentByte.arc} starts a new sub-path of its own:
 * used after the line to the rim it fills only the sliver between the arc and its chord, and the pie loses its
 * wedges. A share too small to see still gets {@link #MIN_EXTENT_DEGREES} (taken from the larger wedges), so no
 * channel vanishes from the picture; the legend beside it gives every exact count and share.
 */
final class PieChart {
    /** The pie's centre and radius inside its chart box, in points. */
    static final float CENTER_X = 85;
    static final float CENTER_Y = 85;
    static final float RADIUS = 75;
    /** About 2.5 points of rim at this radius: visible on a printed page. */
    static final double MIN_EXTENT_DEGREES = 2;

    /** One wedge: where it starts (degrees, counter-clockwise from 3 o'clock) and its extent (negative: clockwise). */
    record Wedge(int index, double startDegrees, double extentDegrees) {
    }

    private PieChart() {
    }

    /**
     * The wedges of these counts, one for every count above zero ({@code index} is the count's place in the list).
     * None when all are zero.
     */
    static List<Wedge> wedges(List<Long> counts) {
        long total = counts.stream().mapToLong(Long::longValue).sum();
        if (total <= 0) {
            return List.of();
        }
        double[] extents = new double[counts.size()];
        double deficit = 0;
        double large = 0;
        for (int i = 0; i < extents.length; i++) {
            long n = counts.get(i);
            extents[i] = n <= 0 ? 0 : 360.0 * n / total;
            if (n > 0 && extents[i] < MIN_EXTENT_DEGREES) {
                deficit += MIN_EXTENT_DEGREES - extents[i];
            } else {
                large += extents[i];
            }
        }
        List<Wedge> out = new ArrayList<>();
        double start = 90;
        for (int i = 0; i < extents.length; i++) {
            if (extents[i] <= 0) {
                continue;
            }
            double extent = extents[i] < MIN_EXTENT_DEGREES ? MIN_EXTENT_DEGREES
                    : extents[i] - deficit * extents[i] / large;
            out.add(new Wedge(i, start, -extent));
            start -= extent;
        }
        return out;
    }

    /** Fills the wedges (a full circle for a single one), white between them. */
    static void draw(PdfContentByte canvas, List<Wedge> wedges, Color[] palette) {
        canvas.setColorStroke(Color.WHITE);
        canvas.setLineWidth(0.5f);
        for (Wedge w : wedges) {
            canvas.setColorFill(palette[w.index() % palette.length]);
            if (wedges.size() == 1) {
                canvas.circle(CENTER_X, CENTER_Y, RADIUS);
                canvas.fill();
                continue;
            }
            List<float[]> curves = PdfContentByte.bezierArc(CENTER_X - RADIUS, CENTER_Y - RADIUS, CENTER_X + RADIUS,
                    CENTER_Y + RADIUS, (float) w.startDegrees(), (float) w.extentDegrees());
            canvas.moveTo(CENTER_X, CENTER_Y);
            canvas.lineTo(curves.get(0)[0], curves.get(0)[1]);
            for (float[] c : curves) {
                canvas.curveTo(c[2], c[3], c[4], c[5], c[6], c[7]);
            }
            canvas.closePath();
            canvas.fillStroke();
        }
    }
}
