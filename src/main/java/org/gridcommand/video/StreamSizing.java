package org.gridcommand.video;

/**
 * Which of a camera's two streams a tile plays: the small, cheap sub stream on a wall of many tiles, the main
 * stream when the tile is maximised or large on screen. Two thresholds make a band (hysteresis), so a tile
 * resized around the limit does not flap between the streams: it goes up to MAIN at {@code mainFromWidth}
 * screen pixels and back down to SUB only below {@code subBelowWidth}. Plain data, no JavaFX.
 *
 * @param mainFromWidth a tile at least this wide (screen pixels) plays the main stream
 * @param subBelowWidth a tile playing the main stream goes back to the sub stream below this width
 */
public record StreamSizing(double mainFromWidth, double subBelowWidth) {
    /** About full-HD half width: a 2×2 wall on a 1920 px screen stays on sub streams, a single tile goes main. */
    public static final StreamSizing DEFAULT = new StreamSizing(960, 880);

    /** The two streams of a camera. */
    public enum Stream { MAIN, SUB }

    public StreamSizing {
        if (!(subBelowWidth > 0) || !(mainFromWidth > subBelowWidth)) {
            throw new IllegalArgumentException("stream sizing: the main stream threshold (" + mainFromWidth
                    + " px) must be above the sub stream threshold (" + subBelowWidth + " px), both above 0");
        }
    }

    /**
     * The stream for a tile now.
     *
     * @param current    what the tile plays now; null when it plays nothing yet (then the upper threshold decides)
     * @param widthPx    the tile's width in screen pixels
     * @param maximised  whether the tile fills the whole wall (always the main stream)
     */
    public Stream choose(Stream current, double widthPx, boolean maximised) {
        if (maximised) {
            return Stream.MAIN;
        }
        if (current == Stream.MAIN) {
            return widthPx < subBelowWidth ? Stream.SUB : Stream.MAIN;
        }
        return widthPx >= mainFromWidth ? Stream.MAIN : Stream.SUB;
    }
}
