package org.gridcommand.ui.map;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.gridcommand.camera.CameraStatus;
import org.gridcommand.cases.Priority;
import org.gridcommand.directory.ResourceKind;

/**
 * Colours, sizes and symbols of the map, in one place so the tiles, the live layer, the legend and the
 * benchmark's node scene draw the same thing. Every symbol differs in shape or letter as well as colour
 * (ISO 11064: colour is never the only signal); sizes are for 1x and grow with the scale factor.
 * Public for the benchmark's node-per-feature scene, which must draw the same map.
 */
public final class MapStyle {
    public static final Color BACKGROUND = Color.web("#0d1117");
    public static final int BACKGROUND_ARGB = 0xff0d1117;

    /**
     * Sixteen big-grid colours ordered so that neighbours in the district's 4 x 4 block layout (k +- 1,
     * k +- 4) differ in hue and lightness.
     */
    public static final Color[] BIG_GRID_PALETTE = {
        Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#59a14f"), Color.web("#b07aa1"),
        Color.web("#edc948"), Color.web("#76b7b2"), Color.web("#e15759"), Color.web("#9c755f"),
        Color.web("#a0cbe8"), Color.web("#ffbe7d"), Color.web("#8cd17d"), Color.web("#d4a6c8"),
        Color.web("#499894"), Color.web("#ff9d9a"), Color.web("#d7b5a6"), Color.web("#79706e"),
    };
    public static final double GRID_FILL_OPACITY = 0.42;
    /** Viridis stops: ordered in lightness, so the scale still reads for colour-blind eyes and in grey. */
    private static final Color[] METRIC_RAMP = {
        Color.web("#440154"), Color.web("#3b528b"), Color.web("#21918c"), Color.web("#5ec962"), Color.web("#fde725"),
    };
    public static final Color NO_VALUE = Color.web("#30363d");

    public static final Color SMALL_OUTLINE = Color.web("#c9d1d9", 0.45);
    public static final Color BIG_OUTLINE = Color.web("#e6edf3", 0.95);
    public static final Color DISTRICT_OUTLINE = Color.WHITE;

    public static final Color CAMERA = Color.web("#7ee7f7");
    public static final Color CONE_FILL = Color.web("#7ee7f7", 0.16);
    public static final Color CONE_STROKE = Color.web("#7ee7f7", 0.55);
    /** A camera whose signal is lost: alarm red, larger, with a white cross. */
    public static final Color CAMERA_LOST = Color.web("#ff453a");
    /** A camera never seen: a grey outline with a dark centre. */
    public static final Color CAMERA_NEVER_SEEN = Color.web("#8b949e");

    public static final Color WORKER_ON = Color.web("#30d158");
    public static final Color WORKER_OFF = Color.web("#8b949e");

    public static final Color URGENT = Color.web("#ff3b30");
    public static final Color HIGH = Color.web("#ff9f0a");
    public static final Color NORMAL = Color.web("#ffd60a");
    public static final Color LOW = Color.web("#a1a1aa");

    public static final Color LABEL_BOX = Color.web("#000000", 0.55);
    public static final Color BIG_LABEL = Color.WHITE;
    public static final Color SMALL_LABEL = Color.web("#e6edf3");

    public static final Color SELECTED = Color.web("#00e5ff");
    public static final Color HOVER = Color.web("#f0f6fc", 0.85);

    private static final String FONT_FAMILY = "Noto Sans CJK SC";

    private MapStyle() {
    }

    public static Color bigGridColour(int index) {
        return BIG_GRID_PALETTE[Math.floorMod(index, BIG_GRID_PALETTE.length)];
    }

    /** t in [0, 1] along the metric ramp. */
    public static Color metricColour(double t) {
        double x = Math.max(0, Math.min(1, t)) * (METRIC_RAMP.length - 1);
        int i = Math.min(METRIC_RAMP.length - 2, (int) Math.floor(x));
        return METRIC_RAMP[i].interpolate(METRIC_RAMP[i + 1], x - i);
    }

    public static Font labelFont(boolean big, double scale) {
        return Font.font(FONT_FAMILY, big ? FontWeight.BOLD : FontWeight.NORMAL, (big ? 16 : 13) * scale);
    }

    public static Font legendFont(double scale) {
        return Font.font(FONT_FAMILY, FontWeight.NORMAL, 13 * scale);
    }

    public static Font symbolFont(double scale) {
        return Font.font(FONT_FAMILY, FontWeight.BOLD, 10.5 * scale);
    }

    public static Color caseColour(Priority priority) {
        return switch (priority) {
            case URGENT -> URGENT;
            case HIGH -> HIGH;
            case NORMAL -> NORMAL;
            case LOW -> LOW;
        };
    }

    /** Half the extent of a case symbol, for hit tests and sprite sizes. */
    public static double caseRadius(Priority priority, double scale) {
        return switch (priority) {
            case URGENT -> 9;
            case HIGH -> 7.5;
            case NORMAL -> 5.5;
            case LOW -> 4;
        } * scale;
    }

    /** Urgent: triangle; high: diamond; normal: circle; low: small circle. White rim on every fill. */
    public static void drawCaseSymbol(GraphicsContext g, Priority priority, double x, double y, double scale) {
        double s = caseRadius(priority, scale);
        g.setStroke(Color.WHITE);
        g.setLineWidth(1.5 * scale);
        g.setFill(caseColour(priority));
        switch (priority) {
            case URGENT -> {
                double[] xs = {x, x + s, x - s};
                double[] ys = {y - s, y + s * 0.8, y + s * 0.8};
                g.fillPolygon(xs, ys, 3);
                g.strokePolygon(xs, ys, 3);
            }
            case HIGH -> {
                double[] xs = {x, x + s, x, x - s};
                double[] ys = {y - s, y, y + s, y};
                g.fillPolygon(xs, ys, 4);
                g.strokePolygon(xs, ys, 4);
            }
            default -> {
                g.fillOval(x - s, y - s, 2 * s, 2 * s);
                g.strokeOval(x - s, y - s, 2 * s, 2 * s);
            }
        }
    }

    /** The ring drawn around a blinking case in its "on" phase. */
    public static void drawBlinkHalo(GraphicsContext g, double x, double y, double scale) {
        double r = 13 * scale;
        g.setStroke(Color.web("#000000", 0.6));
        g.setLineWidth(5 * scale);
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        g.setStroke(Color.WHITE);
        g.setLineWidth(2.5 * scale);
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
    }

    public static double workerRadius(double scale) {
        return 6 * scale;
    }

    /** A ring with a centre dot: unlike the filled case circles even without colour. */
    public static void drawWorkerSymbol(GraphicsContext g, boolean onDuty, double x, double y, double scale) {
        double r = workerRadius(scale);
        Color c = onDuty ? WORKER_ON : WORKER_OFF;
        g.setFill(BACKGROUND);
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
        g.setStroke(c);
        g.setLineWidth(2.5 * scale);
        g.strokeOval(x - r + 1.25 * scale, y - r + 1.25 * scale, 2 * r - 2.5 * scale, 2 * r - 2.5 * scale);
        g.setFill(c);
        double d = 1.8 * scale;
        g.fillOval(x - d, y - d, 2 * d, 2 * d);
    }

    public static double cameraRadius(double scale) {
        return 3 * scale;
    }

    public static void drawCameraDot(GraphicsContext g, double x, double y, double scale) {
        double r = cameraRadius(scale);
        g.setFill(Color.BLACK);
        g.fillRect(x - r - scale, y - r - scale, 2 * r + 2 * scale, 2 * r + 2 * scale);
        g.setFill(CAMERA);
        g.fillRect(x - r, y - r, 2 * r, 2 * r);
    }

    /** Half the extent of a camera symbol marked by status (the lost one is larger: it asks for attention). */
    public static double cameraRadius(CameraStatus.State state, double scale) {
        return state == CameraStatus.State.LOST ? 5 * scale : cameraRadius(scale);
    }

    /**
     * A camera marked by its signal status, shape as well as colour: online is the filled cyan square, lost a
     * larger red square crossed in white, never seen a grey square outline with a dark centre.
     */
    public static void drawCameraSymbol(GraphicsContext g, CameraStatus.State state, double x, double y, double scale) {
        double r = cameraRadius(state, scale);
        switch (state) {
            case ONLINE -> drawCameraDot(g, x, y, scale);
            case LOST -> {
                g.setFill(Color.BLACK);
                g.fillRect(x - r - scale, y - r - scale, 2 * r + 2 * scale, 2 * r + 2 * scale);
                g.setFill(CAMERA_LOST);
                g.fillRect(x - r, y - r, 2 * r, 2 * r);
                g.setStroke(Color.WHITE);
                g.setLineWidth(1.6 * scale);
                double c = r - 1.4 * scale;
                g.strokeLine(x - c, y - c, x + c, y + c);
                g.strokeLine(x - c, y + c, x + c, y - c);
            }
            case NEVER_SEEN -> {
                g.setFill(Color.BLACK);
                g.fillRect(x - r - scale, y - r - scale, 2 * r + 2 * scale, 2 * r + 2 * scale);
                g.setFill(CAMERA_NEVER_SEEN);
                g.fillRect(x - r, y - r, 2 * r, 2 * r);
                double inner = r - 1.5 * scale;
                g.setFill(BACKGROUND);
                g.fillRect(x - inner, y - inner, 2 * inner, 2 * inner);
            }
        }
    }

    /** heading: compass degrees (0 north, clockwise); JavaFX arcs run counter-clockwise from east. */
    public static void drawCone(GraphicsContext g, double x, double y, double radiusPx, double headingDeg, double fovDeg) {
        double start = 90 - headingDeg - fovDeg / 2;
        g.fillArc(x - radiusPx, y - radiusPx, 2 * radiusPx, 2 * radiusPx, start, fovDeg, ArcType.ROUND);
        g.strokeArc(x - radiusPx, y - radiusPx, 2 * radiusPx, 2 * radiusPx, start, fovDeg, ArcType.ROUND);
    }

    public static double resourceRadius(double scale) {
        return 8 * scale;
    }

    public static String resourceLetter(ResourceKind kind) {
        return switch (kind) {
            case FIRE_STATION -> "F";
            case HOSPITAL -> "H";
            case POLICE_POST -> "P";
            case SHELTER -> "S";
            case HYDRANT -> "W";
            case MEDICAL_POINT -> "+";
            case SUPPLY_DEPOT -> "D";
        };
    }

    /** Stations are squares, the shelter a house, hydrant and medical point circles, the depot a hexagon. */
    public static void drawResourceSymbol(GraphicsContext g, ResourceKind kind, double x, double y, double scale) {
        double r = resourceRadius(scale);
        Color fill;
        Color letter = Color.WHITE;
        // Red and orange say how urgent a case is, and nothing else on the map: a hydrant is water-blue, a fire
        // station dark brown, the hospital's letter navy.
        switch (kind) {
            case FIRE_STATION -> fill = Color.web("#6b2f12");
            case HOSPITAL -> {
                fill = Color.web("#f5f5f5");
                letter = Color.web("#1e3a8a");
            }
            case POLICE_POST -> fill = Color.web("#1d4ed8");
            case SHELTER -> fill = Color.web("#15803d");
            case HYDRANT -> fill = Color.web("#0891b2");
            case MEDICAL_POINT -> {
                fill = Color.web("#f5f5f5");
                letter = Color.web("#15803d");
            }
            default -> fill = Color.web("#7c3aed");
        }
        g.setFill(fill);
        g.setStroke(Color.WHITE);
        g.setLineWidth(1.5 * scale);
        switch (kind) {
            case SHELTER -> {
                double[] xs = {x, x + r, x + r, x - r, x - r};
                double[] ys = {y - r * 1.15, y - r * 0.2, y + r, y + r, y - r * 0.2};
                g.fillPolygon(xs, ys, 5);
                g.strokePolygon(xs, ys, 5);
            }
            case HYDRANT, MEDICAL_POINT -> {
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
                g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            }
            case SUPPLY_DEPOT -> {
                double[] xs = new double[6];
                double[] ys = new double[6];
                for (int i = 0; i < 6; i++) {
                    double a = Math.PI / 3 * i;
                    xs[i] = x + r * Math.cos(a);
                    ys[i] = y + r * Math.sin(a);
                }
                g.fillPolygon(xs, ys, 6);
                g.strokePolygon(xs, ys, 6);
            }
            default -> {
                g.fillRoundRect(x - r, y - r, 2 * r, 2 * r, 4 * scale, 4 * scale);
                g.strokeRoundRect(x - r, y - r, 2 * r, 2 * r, 4 * scale, 4 * scale);
            }
        }
        g.setFill(letter);
        g.setFont(symbolFont(scale));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(resourceLetter(kind), x, y + (kind == ResourceKind.SHELTER ? 1.5 * scale : 0.5 * scale));
    }
}
